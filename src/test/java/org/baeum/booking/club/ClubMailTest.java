package org.baeum.booking.club;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.Bookings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * STAFF's decisions on a learning club's weekly slot reach its leader as one CLUB_SERIES_DECIDED mail each, in the
 * leader's language (approved with the days booked, refused with the reason, ended), never twice when STAFF press the
 * button again, and without a mail per placed or cancelled day and without booking codes (decision 0045).
 */
@BaeumIntegrationTest
class ClubMailTest {

    @Autowired
    ClubSlots slots;
    @Autowired
    Bookings bookings;
    @Autowired
    ClubFixture fixture;
    @Autowired
    AccountService accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    org.baeum.MutableClock clock;
    @Autowired
    org.baeum.booking.internal.BookingSweep sweep;
    @Autowired
    org.baeum.booking.club.internal.ClubMail clubMail;

    @org.junit.jupiter.api.BeforeAll
    static void catalog(@Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    @AfterEach
    void signOut() {
        clubMail.crashBeforeQueueing(null);
        clock.reset();
        TestAccounts.signOut();
    }

    private BaeumUser leader(Locale language) {
        BaeumUser leader = fixture.citizen("메일대표");
        TestAccounts.signIn(leader);
        accounts.changeMyLanguage(language);
        return leader;
    }

    private LocalDate firstOpenWednesday() {
        LocalDate first = LocalDate.now(clock.withZone(Formats.SEOUL)).plusDays(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        while (fixture.off(first)) {
            first = first.plusWeeks(1);
        }
        return first;
    }

    @Test
    void approval_and_ending_mail_the_leader_once_each_in_english_without_a_mail_per_day_or_any_code() {
        Bookable room = fixture.clubRoom("club-mail-room", null);
        BaeumUser leader = leader(Locale.ENGLISH);
        String name = "Mail club " + UUID.randomUUID().toString().substring(0, 6);
        LearningClub club = fixture.approvedClub(leader, name);
        TestAccounts.signIn(leader);
        LocalDate first = firstOpenWednesday();
        ClubSeries series = slots.request(new SeriesDraft(club.id(), room.id(), DayOfWeek.WEDNESDAY,
                LocalTime.of(10, 0), LocalTime.of(12, 0), first, first.plusWeeks(3)));

        ClubSeries approved = fixture.asStaff(() -> slots.approve(series.id()));
        fixture.asStaff(() -> slots.approve(series.id())); // "book the missing days": no second mail
        TestAccounts.signIn(leader);
        List<String> codes = bookings.mine(first).stream().filter(b -> club.id().equals(b.clubId()))
                .map(Booking::code).toList();
        assertThat(codes).hasSize(approved.placed().size()).isNotEmpty();

        List<SentMail> afterApproval = mailbox.to(leader.getUsername());
        assertThat(afterApproval).extracting(SentMail::subject)
                .containsExactly("[Baeum] Weekly slot of " + name + ": approved");
        assertThat(afterApproval.getFirst().textBody())
                .contains("The weekly slot of " + name + " (Club room club-mail-room, Every Wednesday 10:00–12:00, "
                        + Formats.date(first, Locale.ENGLISH) + " – " + Formats.date(first.plusWeeks(3), Locale.ENGLISH)
                        + ") was approved.")
                .contains("Days booked: " + approved.placed().size()).contains("/my/clubs");

        fixture.asStaff(() -> slots.end(series.id()));
        fixture.asStaff(() -> slots.end(series.id()));

        List<SentMail> all = mailbox.to(leader.getUsername());
        assertThat(all).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[Baeum] Weekly slot of " + name + ": approved", "[Baeum] Weekly slot of " + name + ": ended");
        assertThat(all).filteredOn(m -> m.subject().endsWith("ended")).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("Its bookings that had not started yet are all cancelled."));
        for (SentMail m : all) {
            for (String code : codes) {
                assertThat(m.textBody() + m.htmlBody()).doesNotContain(code).doesNotContain(code.replace("-", ""));
            }
        }
    }

    @Test
    void a_refusal_mails_the_leader_once_in_korean_with_the_reason() {
        Bookable room = fixture.clubRoom("club-mail-refused-room", null);
        BaeumUser leader = leader(Locale.KOREAN);
        String name = "거절 동아리 " + UUID.randomUUID().toString().substring(0, 6);
        LearningClub club = fixture.approvedClub(leader, name);
        TestAccounts.signIn(leader);
        LocalDate first = firstOpenWednesday();
        ClubSeries series = slots.request(new SeriesDraft(club.id(), room.id(), DayOfWeek.WEDNESDAY,
                LocalTime.of(14, 0), LocalTime.of(16, 0), first, first.plusWeeks(2)));

        fixture.asStaff(() -> slots.refuse(series.id(), "같은 시간에 정기 행사가 있습니다"));

        assertThat(mailbox.to(leader.getUsername())).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[배움] " + name + " 정기 이용 신청 결과: 거절");
            assertThat(m.textBody()).contains(name + "의 정기 이용(동아리방 club-mail-refused-room, 매주 수요일 14:00–16:00, ")
                    .contains("거절되었습니다.").contains("사유: 같은 시간에 정기 행사가 있습니다").contains("/my/clubs");
        });
    }

    @Test
    void a_decision_cut_off_by_a_crash_before_its_mail_is_mailed_once_by_the_booking_sweep() {
        Bookable room = fixture.clubRoom("club-mail-crash-room", null);
        BaeumUser leader = leader(Locale.ENGLISH);
        String name = "Crash club " + UUID.randomUUID().toString().substring(0, 6);
        LearningClub club = fixture.approvedClub(leader, name);
        TestAccounts.signIn(leader);
        LocalDate first = firstOpenWednesday();
        ClubSeries series = slots.request(new SeriesDraft(club.id(), room.id(), DayOfWeek.WEDNESDAY,
                LocalTime.of(16, 0), LocalTime.of(18, 0), first, first.plusWeeks(2)));
        clubMail.crashBeforeQueueing(status -> {
            throw new IllegalStateException("Injected crash before the " + status + " mail was queued");
        });

        assertThatThrownBy(() -> fixture.asStaff(() -> slots.approve(series.id())))
                .hasMessageContaining("Injected crash before the APPROVED mail");
        clubMail.crashBeforeQueueing(null);
        assertThat(mailbox.to(leader.getUsername())).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        sweep.run(); // the approval may still be placing its days: not yet
        assertThat(mailbox.to(leader.getUsername())).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        sweep.run();
        sweep.run();
        fixture.asStaff(() -> slots.approve(series.id())); // "book the missing days": its mail is queued already

        TestAccounts.signIn(leader);
        int placed = slots.ofClub(club.id()).getFirst().placed().size();
        assertThat(placed).isPositive();
        assertThat(mailbox.to(leader.getUsername())).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Baeum] Weekly slot of " + name + ": approved");
            assertThat(m.textBody()).contains("Days booked: " + placed).contains("/my/clubs");
        });

        clubMail.crashBeforeQueueing(status -> {
            throw new IllegalStateException("Injected crash before the " + status + " mail was queued");
        });
        assertThatThrownBy(() -> fixture.asStaff(() -> slots.end(series.id())))
                .hasMessageContaining("Injected crash before the ENDED mail");
        clubMail.crashBeforeQueueing(null);
        clock.advance(Duration.ofMinutes(3));
        sweep.run();
        sweep.run();

        assertThat(mailbox.to(leader.getUsername())).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[Baeum] Weekly slot of " + name + ": approved", "[Baeum] Weekly slot of " + name + ": ended");
    }
}
