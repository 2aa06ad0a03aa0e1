package org.baeum.booking.club;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.club.internal.SeriesRepository;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.RoomSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * A club's recurring slot (decision 0045): refused where a class meets in the room, placed day by day on approval
 * (holidays skipped, nothing twice, not even after a crash between placing and recording), ended early; only the
 * club's leader requests, only STAFF decide.
 */
@BaeumIntegrationTest
class ClubSlotsTest {

    @Autowired
    ClubSlots slots;
    @Autowired
    LearningClubs clubs;
    @Autowired
    Bookings bookings;
    @Autowired
    ClubFixture fixture;
    @Autowired
    RoomSessions roomSessions;
    @Autowired
    DaysOff daysOff;
    @Autowired
    MongoDatabase database;
    @Autowired
    Clock clock;

    @BeforeAll
    static void catalog(@Autowired List<DemoDataContributor> contributors) {
        DemoCatalogFixture.load(contributors);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    private static LocalTime floor(LocalTime t) {
        return t.withMinute(t.getMinute() < 30 ? 0 : 30);
    }

    private static LocalTime ceil(LocalTime t) {
        LocalTime f = floor(t);
        return f.equals(t) ? t : f.plusMinutes(30);
    }

    @Test
    void a_series_that_meets_a_class_in_the_room_is_refused_with_the_day_and_the_class_and_nothing_is_stored() {
        ClassSession session = roomSessions.between("main", null, today().plusDays(8), today().plusDays(150)).stream()
                .filter(s -> s.roomId() != null && s.start().getHour() >= 6 && s.end().getHour() < 23).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo catalog has no class in a main room"));
        Bookable room = fixture.clubRoom("club-clash-room", session.roomId());
        BaeumUser leader = fixture.citizen("대표");
        LearningClub club = fixture.approvedClub(leader, "수채화 동아리");
        TestAccounts.signIn(leader);
        SeriesDraft draft = new SeriesDraft(club.id(), room.id(), session.date().getDayOfWeek(), floor(session.start()),
                ceil(session.end()), session.date().minusWeeks(1), session.date().plusWeeks(1));

        SeriesCheck check = slots.check(draft);
        assertThat(check.refused()).isTrue();
        assertThat(check.clashes()).anySatisfy(c -> {
            assertThat(c.date()).isEqualTo(session.date());
            assertThat(c.kind()).isEqualTo(Clash.Kind.CLASS);
            assertThat(c.reasonKo()).startsWith(session.titleKo());
        });
        assertThatThrownBy(() -> slots.request(draft)).isInstanceOfSatisfying(SeriesClashException.class, e ->
                assertThat(e.clashes()).extracting(Clash::date, Clash::kind).contains(
                        org.assertj.core.groups.Tuple.tuple(session.date(), Clash.Kind.CLASS)));
        assertThat(slots.ofClub(club.id())).isEmpty();
    }

    @Test
    void approval_places_exactly_the_days_that_are_not_off_and_a_rerun_even_after_a_crash_places_none_twice() {
        Bookable room = fixture.clubRoom("club-choir-room", null);
        LocalDate holiday = firstHolidayFrom(today().plusDays(16));
        LocalDate first = holiday.minusWeeks(2);
        LocalDate last = holiday.plusWeeks(2);
        BaeumUser leader = fixture.citizen("합창대표");
        LearningClub club = fixture.approvedClub(leader, "시니어 합창 동아리");
        TestAccounts.signIn(leader);
        ClubSeries requested = slots.request(new SeriesDraft(club.id(), room.id(), holiday.getDayOfWeek(),
                LocalTime.of(14, 0), LocalTime.of(16, 0), first, last));
        assertThat(requested.status()).isEqualTo(SeriesStatus.REQUESTED);
        assertThat(requested.skipped()).extracting(Clash::date).contains(holiday);
        assertThat(requested.placed()).isEmpty();

        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusWeeks(1)) {
            if (!fixture.off(d)) {
                expected.add(d);
            }
        }
        assertThat(expected).doesNotContain(holiday).hasSizeGreaterThanOrEqualTo(3);

        ClubSeries approved = fixture.asStaff(() -> slots.approve(requested.id()));
        assertThat(approved.status()).isEqualTo(SeriesStatus.APPROVED);
        assertThat(approved.placed().keySet()).containsExactlyElementsOf(expected);
        assertThat(approved.notPlaced()).isEmpty();
        assertThat(clubBookings(room, expected, club.id())).hasSize(expected.size());
        Booking one = fixture.asStaff(() -> bookings.booking(approved.placed().get(expected.getFirst()))).orElseThrow();
        assertThat(one.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(one.accountId()).isEqualTo(leader.accountId());
        assertThat(one.start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(one.end()).isEqualTo(LocalTime.of(16, 0));

        ClubSeries again = fixture.asStaff(() -> slots.approve(requested.id()));
        assertThat(again.placed()).isEqualTo(approved.placed());

        // the portal stopped after placing a day's booking and before recording it
        LocalDate lost = expected.get(1);
        database.getCollection(SeriesRepository.COLLECTION).updateOne(eq("_id", requested.id()),
                Updates.unset("placed." + lost));
        ClubSeries recovered = fixture.asStaff(() -> slots.approve(requested.id()));
        assertThat(recovered.placed()).isEqualTo(approved.placed());
        assertThat(recovered.notPlaced()).isEmpty();
        assertThat(clubBookings(room, expected, club.id())).hasSize(expected.size());
    }

    @Test
    void two_staff_approving_at_once_place_each_day_once() throws Exception {
        Bookable room = fixture.clubRoom("club-twice-room", null);
        LocalDate first = today().plusDays(2);
        BaeumUser leader = fixture.citizen("동시대표");
        LearningClub club = fixture.approvedClub(leader, "동시 승인 동아리");
        TestAccounts.signIn(leader);
        ClubSeries series = slots.request(new SeriesDraft(club.id(), room.id(), first.getDayOfWeek(),
                LocalTime.of(18, 0), LocalTime.of(20, 0), first, first.plusWeeks(5)));
        TestAccounts.signOut();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ClubSeries>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return fixture.asStaff(() -> slots.approve(series.id()));
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        ClubSeries placed = fixture.asStaff(() -> slots.approve(series.id()));
        assertThat(placed.notPlaced()).isEmpty();
        List<LocalDate> days = new ArrayList<>(placed.placed().keySet());
        assertThat(days).hasSizeGreaterThanOrEqualTo(4);
        List<Booking> active = clubBookings(room, days, club.id());
        assertThat(active).hasSize(days.size());
        assertThat(active).extracting(Booking::id).containsExactlyInAnyOrderElementsOf(placed.placed().values());
    }

    @Test
    void a_day_taken_meanwhile_is_listed_as_not_placed_and_staff_can_end_the_series_early() {
        Bookable room = fixture.clubRoom("club-taken-room", null);
        LocalDate first = today().plusDays(3).with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        while (fixture.off(first)) {
            first = first.plusWeeks(1);
        }
        LocalDate taken = first;
        BaeumUser leader = fixture.citizen("독서대표");
        LearningClub club = fixture.approvedClub(leader, "독서 토론 동아리");
        LearningClub other = fixture.approvedClub(fixture.citizen("다른대표"), "바둑 동아리");
        TestAccounts.signIn(leader);
        ClubSeries series = slots.request(new SeriesDraft(club.id(), room.id(), java.time.DayOfWeek.WEDNESDAY,
                LocalTime.of(10, 0), LocalTime.of(12, 0), first, first.plusWeeks(4)));
        org.baeum.base.security.SystemIdentity.run(() -> bookings.place(new org.baeum.booking.BookingRequest(room.id(),
                taken, LocalTime.of(11, 0), LocalTime.of(11, 30), null, 2, "바둑"), other.leaderId(), other.id(),
                BookingStatus.CONFIRMED));

        ClubSeries approved = fixture.asStaff(() -> slots.approve(series.id()));
        assertThat(approved.notPlaced()).containsEntry(taken, "TAKEN");
        assertThat(approved.placed()).doesNotContainKey(taken).isNotEmpty();

        ClubSeries ended = fixture.asStaff(() -> slots.end(series.id()));
        assertThat(ended.status()).isEqualTo(SeriesStatus.ENDED);
        for (String bookingId : approved.placed().values()) {
            assertThat(fixture.asStaff(() -> bookings.booking(bookingId)).orElseThrow().status())
                    .isEqualTo(BookingStatus.CANCELLED);
        }
    }

    @Test
    void only_the_leader_changes_a_club_and_requests_its_slots_and_only_staff_decide() {
        Bookable room = fixture.clubRoom("club-rights-room", null);
        BaeumUser leader = fixture.citizen("서예대표");
        BaeumUser member = fixture.citizen("서예회원");
        BaeumUser stranger = fixture.citizen("다른동아리대표");
        LearningClub club = fixture.approvedClub(leader, "서예 동아리");
        fixture.approvedClub(stranger, "사진 동아리");
        TestAccounts.signIn(member);
        String code = null;
        assertThatThrownBy(() -> clubs.join("NOSUCHCODE")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("club.error.code"));
        TestAccounts.signIn(leader);
        code = clubs.club(club.id()).orElseThrow().joinCode();
        TestAccounts.signIn(member);
        assertThat(clubs.join(code).members()).extracting(ClubMember::accountId).containsExactly(member.accountId());
        assertThat(clubs.club(club.id()).orElseThrow().joinCode()).as("only the leader sees the code").isNull();

        LocalDate first = today().plusDays(2);
        SeriesDraft draft = new SeriesDraft(club.id(), room.id(), first.getDayOfWeek(), LocalTime.of(18, 0),
                LocalTime.of(20, 0), first, first.plusWeeks(3));
        TestAccounts.signIn(stranger);
        assertThatThrownBy(() -> slots.request(draft)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clubs.removeMember(club.id(), member.accountId()))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clubs.newJoinCode(club.id())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> slots.ofClub(club.id())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(member);
        assertThatThrownBy(() -> slots.request(draft)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clubs.removeMember(club.id(), leader.accountId()))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);

        TestAccounts.signIn(leader);
        ClubSeries series = slots.request(draft);
        assertThatThrownBy(() -> slots.approve(series.id())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> slots.refuse(series.id(), "no")).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clubs.approve(club.id())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(slots.ofClub(club.id())).singleElement().extracting(ClubSeries::status)
                .isEqualTo(SeriesStatus.REQUESTED);
        assertThat(fixture.asStaff(() -> slots.refuse(series.id(), "방 공사 예정")).refusalReason())
                .isEqualTo("방 공사 예정");
    }

    @Test
    void bad_input_is_refused_per_field_and_stores_nothing() {
        BaeumUser leader = fixture.citizen("입력대표");
        TestAccounts.signIn(leader);
        assertThatThrownBy(() -> clubs.register(new ClubDraft(" ", "x".repeat(501), "nowhere")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + "=" + p.messageKey())
                        .containsExactly("name=validation.required", "description=validation.tooLong",
                                "branchId=validation.unknown"));
        assertThat(clubs.mine()).isEmpty();
        LearningClub club = clubs.register(new ClubDraft("요가 동아리", "", "main"));
        assertThatThrownBy(() -> clubs.register(new ClubDraft(" 요가  동아리 ", "", "main")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().messageKey())
                        .isEqualTo("club.error.nameTaken"));
        SeriesDraft early = new SeriesDraft(club.id(), "no-such-room", null, LocalTime.of(16, 0), LocalTime.of(14, 0),
                today(), today().plusMonths(7));
        assertThatThrownBy(() -> slots.check(early)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems().getFirst().messageKey()).isEqualTo("club.error.notApproved"));
        fixture.asStaff(() -> clubs.approve(club.id()));
        TestAccounts.signIn(leader);
        assertThatThrownBy(() -> slots.request(early)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(p -> p.field() + "=" + p.messageKey()).containsExactly(
                        "bookableId=club.error.room", "weekday=validation.required", "end=validation.endBeforeStart",
                        "firstDay=club.error.fromTomorrow", "lastDay=club.error.tooLong"));
        assertThat(slots.ofClub(club.id())).isEmpty();
    }

    private List<Booking> clubBookings(Bookable room, List<LocalDate> days, String clubId) {
        return fixture.asStaff(() -> days.stream().flatMap(d -> bookings.ofDay(room.id(), d).stream())
                .filter(b -> clubId.equals(b.clubId()) && b.status().active()).toList());
    }

    private LocalDate firstHolidayFrom(LocalDate from) {
        for (LocalDate d = from; d.isBefore(from.plusDays(200)); d = d.plusDays(1)) {
            var off = daysOff.dayOff(d, Place.branch("main"));
            if (off.isPresent() && off.get().kind() == DayOff.Kind.HOLIDAY && !d.getDayOfWeek().equals(java.time.DayOfWeek.SUNDAY)
                    && !d.getDayOfWeek().equals(java.time.DayOfWeek.SATURDAY)) {
                return d;
            }
        }
        throw new IllegalStateException("no public holiday on a weekday within 200 days of " + from);
    }
}
