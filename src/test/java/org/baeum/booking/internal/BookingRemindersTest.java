package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.account.ProfileChange;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.notification.NotificationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Booking reminders with a moved clock (decision 0050): one day-before mail per household and day listing its
 * bookings, one mail before each booking's start with the check-in link, never the code; none for a cancelled booking
 * (by the booker or a closure), none for a request not approved, none after the household turned reminders off, and
 * none twice, also when the portal crashes between queuing a mail and marking its item done.
 */
@BaeumIntegrationTest
class BookingRemindersTest {

    private static final String DAY_BEFORE_EN = "[Baeum] You have ";
    private static final String STARTING_EN = " starts soon (";

    @Autowired
    Bookings bookings;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    Mailbox mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    BookingReminders reminders;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void reset() {
        reminders.crashAfterQueueing(null);
        clock.reset();
        TestAccounts.signOut();
    }

    private BaeumUser citizen(String email, Locale language) {
        BaeumUser user = accounts.citizen(email, "알림시민", LocalDate.of(1988, 3, 3));
        TestAccounts.signIn(user);
        accountService.changeMyLanguage(language);
        return user;
    }

    private static String email() {
        return "br-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum";
    }

    private static BookingRequest at(Bookable b, LocalDate day, int hour) {
        return new BookingRequest(b.id(), day, LocalTime.of(hour, 0), null, null, 0, null);
    }

    /** Moves the clock to a Seoul time and runs the reminder job's work there (twice: the second adds nothing). */
    private void runAt(LocalDate day, LocalTime time) {
        mailbox.flush(); // what is under way is sent before the jump (a jump past a delivery's lease would send it again)
        Instant target = day.atTime(time).atZone(Formats.SEOUL).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
        reminders.run();
        reminders.run();
    }

    private List<SentMail> mails(String email, String subjectPart) {
        return mailbox.to(email).stream().filter(m -> m.subject().contains(subjectPart)).toList();
    }

    private static void withoutCode(SentMail mail, String code) {
        for (String body : List.of(mail.subject(), mail.textBody(), mail.htmlBody())) {
            assertThat(body).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }

    @Test
    void one_grouped_mail_the_day_before_and_one_before_each_start_with_the_check_in_link_never_twice() {
        Bookable seats = fixture.seats("br-seats", 3, 0, 0);
        Bookable room = fixture.room("br-room", BookableKind.STUDY_ROOM, null);
        LocalDate day = fixture.openDay(2);
        String email = email();
        citizen(email, Locale.ENGLISH);
        Booking morning = bookings.book(at(seats, day, 10));
        Booking afternoon = bookings.book(new BookingRequest(room.id(), day, LocalTime.of(13, 0), null, null, 2, null));
        // another household's booking the same day: its own mail, never in this one's
        String other = email();
        citizen(other, Locale.KOREAN);
        bookings.book(at(seats, day, 12));

        runAt(day.minusDays(1), LocalTime.of(17, 59));
        assertThat(mails(email, DAY_BEFORE_EN)).isEmpty();

        runAt(day.minusDays(1), LocalTime.of(18, 1));
        List<SentMail> dayBefores = mails(email, DAY_BEFORE_EN);
        assertThat(dayBefores).hasSize(1);
        SentMail dayBefore = dayBefores.getFirst();
        assertThat(dayBefore.subject()).isEqualTo("[Baeum] You have 2 booking(s) tomorrow");
        assertThat(dayBefore.textBody()).contains("Your bookings on " + Formats.date(day, Locale.ENGLISH))
                .contains("• 10:00–11:00 Digital seats br-seats").contains("• 13:00–15:00 Study room br-room")
                .doesNotContain("12:00–13:00").contains("/my/bookings").contains("/unsubscribe?token=");
        withoutCode(dayBefore, morning.code());
        withoutCode(dayBefore, afternoon.code());
        assertThat(mails(other, "[배움] 내일 예약이 1건 있습니다")).hasSize(1);

        runAt(day, LocalTime.of(9, 31));
        runAt(day, LocalTime.of(12, 31));
        runAt(day, LocalTime.of(12, 45));
        List<SentMail> starting = mails(email, STARTING_EN);
        assertThat(starting).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[Baeum] Digital seats br-seats starts soon (10:00–11:00)",
                "[Baeum] Study room br-room starts soon (13:00–15:00)");
        SentMail seatMail = starting.stream().filter(m -> m.subject().contains("br-seats")).findFirst().orElseThrow();
        assertThat(seatMail.textBody()).contains("Check in from " + Formats.dateTime(morning.startAt(), Locale.ENGLISH))
                .contains("Check in in My bookings:").contains("/my/bookings");
        starting.forEach(m -> withoutCode(m, morning.code()));
        starting.forEach(m -> withoutCode(m, afternoon.code()));
        assertThat(mails(email, DAY_BEFORE_EN)).hasSize(1);
    }

    @Test
    void no_reminder_for_a_booking_cancelled_by_the_booker_or_a_closure_nor_for_a_request_not_approved() {
        Bookable seats = fixture.seats("br-cancel", 3, 0, 0);
        Bookable hall = fixture.room("br-hall", BookableKind.AUDITORIUM, null);
        LocalDate day = fixture.openDay(2);
        String email = email();
        citizen(email, Locale.KOREAN);
        Booking kept = bookings.book(at(seats, day, 10));
        Booking cancelled = bookings.book(at(seats, day, 15));
        Booking closed = bookings.book(at(seats, day, 17));
        Booking requested = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(13, 0), null, null, 3,
                "발표회"));
        assertThat(requested.status()).isEqualTo(BookingStatus.REQUESTED);

        runAt(day.minusDays(1), LocalTime.of(12, 0)); // planned, nothing due yet
        assertThat(reminders.pending()).isPositive();
        bookings.cancel(cancelled.id());
        SystemIdentity.run(() -> bookings.cancelForClosure(closed.id(), "br-closure"));

        runAt(day.minusDays(1), LocalTime.of(18, 1));
        List<SentMail> dayBefore = mails(email, "[배움] 내일 예약이 ");
        assertThat(dayBefore).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[배움] 내일 예약이 1건 있습니다");
            assertThat(m.textBody()).contains("• 10:00–11:00 디지털 좌석 br-cancel").doesNotContain("15:00")
                    .doesNotContain("17:00").doesNotContain("13:00").doesNotContain("스터디룸");
        });
        runAt(day, LocalTime.of(9, 31));
        runAt(day, LocalTime.of(12, 31));
        runAt(day, LocalTime.of(14, 31));
        runAt(day, LocalTime.of(16, 31));
        assertThat(mails(email, "예약 시간입니다")).extracting(SentMail::subject)
                .containsExactly("[배움] 곧 디지털 좌석 br-cancel 예약 시간입니다 (10:00–11:00)");
        withoutCode(dayBefore.getFirst(), kept.code());
    }

    @Test
    void a_request_gets_its_reminders_once_staff_approved_it_and_none_the_day_before_when_approved_after_that_time() {
        Bookable hall = fixture.room("br-approve", BookableKind.GALLERY, null);
        LocalDate day = fixture.openDay(2);
        String early = email();
        citizen(early, Locale.ENGLISH);
        Booking approvedEarly = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(9, 0), null, null, 2,
                "전시"));
        String late = email();
        citizen(late, Locale.ENGLISH);
        Booking approvedLate = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(15, 0), null, null, 2,
                "전시"));
        BaeumUser staff = accounts.create("br-staff-" + UUID.randomUUID().toString().substring(0, 8),
                org.baeum.base.security.Role.STAFF);

        runAt(day.minusDays(1), LocalTime.of(12, 0)); // both still wait for STAFF: nothing planned for them
        TestAccounts.signIn(staff);
        bookings.approve(approvedEarly.id());
        runAt(day.minusDays(1), LocalTime.of(19, 0));
        TestAccounts.signIn(staff);
        bookings.approve(approvedLate.id()); // after the day-before time: the decision mail says enough

        runAt(day.minusDays(1), LocalTime.of(20, 0));
        runAt(day, LocalTime.of(8, 31));
        runAt(day, LocalTime.of(14, 31));
        assertThat(mails(early, DAY_BEFORE_EN)).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("• 09:00–11:00 Study room br-approve"));
        assertThat(mails(early, STARTING_EN)).hasSize(1);
        assertThat(mails(late, DAY_BEFORE_EN)).isEmpty();
        assertThat(mails(late, STARTING_EN)).extracting(SentMail::subject)
                .containsExactly("[Baeum] Study room br-approve starts soon (15:00–17:00)");
    }

    @Test
    void no_reminder_after_the_household_turned_reminders_off_but_the_confirmation_still_came() {
        Bookable seats = fixture.seats("br-off", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = email();
        citizen(email, Locale.KOREAN);
        bookings.book(at(seats, day, 11));
        runAt(day.minusDays(1), LocalTime.of(12, 0)); // planned while the choice was still "yes"
        var me = accountService.myAccount();
        accountService.updateMyProfile(new ProfileChange(me.displayName(), me.mobile(), me.district(), false));

        runAt(day.minusDays(1), LocalTime.of(18, 1));
        runAt(day, LocalTime.of(10, 31));
        assertThat(mailbox.to(email)).extracting(SentMail::subject)
                .containsExactly("[배움] 디지털 좌석 br-off 예약이 완료되었습니다");
        assertThat(database.getCollection(org.baeum.notification.internal.OutboxRepository.COLLECTION).countDocuments(Filters.and(
                Filters.eq("toAddress", email), Filters.in("kind", NotificationKind.BOOKING_REMINDER.name(),
                        NotificationKind.BOOKING_STARTING.name())))).isZero();
    }

    @Test
    void a_crash_between_queuing_a_reminder_and_marking_it_done_sends_it_once() {
        Bookable seats = fixture.seats("br-crash", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = email();
        String accountId = citizen(email, Locale.ENGLISH).accountId();
        bookings.book(at(seats, day, 10));
        runAt(day.minusDays(1), LocalTime.of(12, 0));

        reminders.crashAfterQueueing(item -> crashFor(item, accountId));
        clock.advance(Duration.between(clock.instant(),
                day.minusDays(1).atTime(18, 1).atZone(Formats.SEOUL).toInstant()));
        assertThatThrownBy(reminders::run).isInstanceOf(Crash.class);
        var items = database.getCollection(ReminderStore.COLLECTION);
        assertThat(items.countDocuments(Filters.eq("status", "CLAIMED"))).isEqualTo(1);
        reminders.crashAfterQueueing(null);
        reminders.run(); // the lease still runs: nobody takes the item
        assertThat(items.countDocuments(Filters.eq("status", "CLAIMED"))).isEqualTo(1);

        clock.advance(ReminderStore.LEASE.plusSeconds(1));
        reminders.run();
        assertThat(items.countDocuments(Filters.eq("status", "CLAIMED"))).isZero();
        assertThat(mails(email, DAY_BEFORE_EN)).hasSize(1);

        reminders.crashAfterQueueing(item -> crashFor(item, accountId));
        clock.advance(Duration.between(clock.instant(), day.atTime(9, 31).atZone(Formats.SEOUL).toInstant()));
        assertThatThrownBy(reminders::run).isInstanceOf(Crash.class);
        reminders.crashAfterQueueing(null);
        clock.advance(ReminderStore.LEASE.plusSeconds(1));
        reminders.run();
        assertThat(mails(email, STARTING_EN)).hasSize(1);
        assertThat(mails(email, DAY_BEFORE_EN)).hasSize(1);
    }

    /** The crash, for this test's household only (items of other tests may fall due too). */
    private static void crashFor(ReminderStore.Item item, String accountId) {
        if (accountId.equals(item.accountId())) {
            throw new Crash();
        }
    }

    /** A portal dying at the crash point: not an exception the job catches and retries. */
    private static final class Crash extends Error {
    }
}
