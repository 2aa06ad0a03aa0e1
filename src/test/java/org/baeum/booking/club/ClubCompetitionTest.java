package org.baeum.booking.club;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two clubs asking for the same weekly room (decision 0047): a request that another club's undecided request overlaps
 * is taken with the days listed, and STAFF see the two side by side; once one is approved, the other cannot be
 * approved and a new request for those hours is refused with the days and the club; other hours are free.
 */
@BaeumIntegrationTest
class ClubCompetitionTest {

    @Autowired
    ClubSlots slots;
    @Autowired
    ClubFixture fixture;
    @Autowired
    Clock clock;

    @org.junit.jupiter.api.BeforeAll
    static void catalog(@Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void competing_requests_are_shown_side_by_side_and_an_approved_series_refuses_the_others() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Bookable room = fixture.clubRoom("club-compete-" + tag, null);
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        LocalDate first = today.plusDays(3).with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.THURSDAY));
        LocalDate last = first.plusWeeks(3);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusWeeks(1)) {
            if (!fixture.off(d)) {
                days.add(d);
            }
        }
        BaeumUser leaderA = fixture.citizen("가대표");
        LearningClub a = fixture.approvedClub(leaderA, "가 동아리 " + tag);
        BaeumUser leaderB = fixture.citizen("나대표");
        LearningClub b = fixture.approvedClub(leaderB, "나 동아리 " + tag);
        BaeumUser leaderC = fixture.citizen("다대표");
        LearningClub c = fixture.approvedClub(leaderC, "다 동아리 " + tag);

        TestAccounts.signIn(leaderA);
        ClubSeries seriesA = slots.request(new SeriesDraft(a.id(), room.id(), first.getDayOfWeek(), LocalTime.of(14, 0),
                LocalTime.of(16, 0), first, last));

        // B asks for 15:00–17:00 on the same days: warned with A's days, not refused, and stored without them
        TestAccounts.signIn(leaderB);
        SeriesDraft draftB = new SeriesDraft(b.id(), room.id(), first.getDayOfWeek(), LocalTime.of(15, 0),
                LocalTime.of(17, 0), first, last);
        SeriesCheck checkB = slots.check(draftB);
        assertThat(checkB.refused()).isFalse();
        assertThat(checkB.competingRequests()).extracting(Clash::date).containsExactlyElementsOf(days);
        assertThat(checkB.competingRequests()).allSatisfy(x ->
                assertThat(x.reasonKo()).isEqualTo("가 동아리 " + tag + " 14:00–16:00"));
        ClubSeries seriesB = slots.request(draftB);
        assertThat(seriesB.status()).isEqualTo(SeriesStatus.REQUESTED);
        assertThat(seriesB.skipped()).noneMatch(x -> x.kind() == Clash.Kind.CLUB_REQUEST);

        // STAFF: the two requests next to each other, each naming the other's days
        List<ClubSeries> staffList = fixture.asStaff(() -> slots.forStaff()).stream()
                .filter(s -> s.bookableId().equals(room.id())).toList();
        assertThat(staffList).extracting(ClubSeries::id).containsExactly(seriesA.id(), seriesB.id());
        assertThat(staffList.get(0).competing()).extracting(Clash::date, Clash::kind).containsExactlyElementsOf(
                days.stream().map(d -> org.assertj.core.groups.Tuple.tuple(d, Clash.Kind.CLUB_REQUEST)).toList());
        assertThat(staffList.get(0).competing()).allSatisfy(x -> assertThat(x.reasonKo()).startsWith("나 동아리"));
        assertThat(staffList.get(1).competing()).extracting(Clash::date).containsExactlyElementsOf(days);

        // STAFF approve A: B can no longer be approved (nothing placed, still requested) and shows A as holding
        assertThat(fixture.asStaff(() -> slots.approve(seriesA.id())).placed().keySet())
                .containsExactlyElementsOf(days);
        assertThatThrownBy(() -> fixture.asStaff(() -> slots.approve(seriesB.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("series", "club.error.competing")));
        ClubSeries stillB = fixture.asStaff(() -> slots.forStaff()).stream()
                .filter(s -> s.id().equals(seriesB.id())).findFirst().orElseThrow();
        assertThat(stillB.status()).isEqualTo(SeriesStatus.REQUESTED);
        assertThat(stillB.placed()).isEmpty();
        assertThat(stillB.competing()).extracting(Clash::kind).containsOnly(Clash.Kind.CLUB);

        // C asks for 13:00–15:00: refused with A's days; 18:00–20:00 meets nobody
        TestAccounts.signIn(leaderC);
        SeriesDraft overlapping = new SeriesDraft(c.id(), room.id(), first.getDayOfWeek(), LocalTime.of(13, 0),
                LocalTime.of(15, 0), first, last);
        assertThat(slots.check(overlapping).refused()).isTrue();
        assertThatThrownBy(() -> slots.request(overlapping)).isInstanceOfSatisfying(SeriesClashException.class, e -> {
            assertThat(e.clashes()).extracting(Clash::date).containsExactlyElementsOf(days);
            assertThat(e.clashes()).allSatisfy(x -> {
                assertThat(x.kind()).isEqualTo(Clash.Kind.CLUB);
                assertThat(x.reasonEn()).isEqualTo("가 동아리 " + tag + " 14:00–16:00");
            });
        });
        assertThat(slots.ofClub(c.id())).isEmpty();
        SeriesCheck later = slots.check(new SeriesDraft(c.id(), room.id(), first.getDayOfWeek(), LocalTime.of(18, 0),
                LocalTime.of(20, 0), first, last));
        assertThat(later.refused()).isFalse();
        assertThat(later.clashes()).noneMatch(x -> x.kind() == Clash.Kind.CLUB || x.kind() == Clash.Kind.CLUB_REQUEST);
    }
}
