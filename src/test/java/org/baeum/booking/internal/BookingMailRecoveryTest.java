package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
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
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A crash after a booking change is stored and before its mail is queued loses nothing: the change recorded the mail
 * it owes ({@code mailsOwed}), and the booking sweep queues it once after a minute; never a second one, whether the
 * sweep runs again or the request had queued it already.
 */
@BaeumIntegrationTest
class BookingMailRecoveryTest {

    /** The "crash": thrown where the request would have queued the mail. */
    static final class Crash extends RuntimeException {
        Crash(String mail) {
            super("Injected crash before the " + mail + " mail was queued");
        }
    }

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
    BookingSweep sweep;
    @Autowired
    BookingMail mail;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void cleanUp() {
        mail.crashBeforeQueueing(null);
        clock.reset();
        TestAccounts.signOut();
    }

    private String citizen(Locale language) {
        String email = "bmr-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum";
        BaeumUser user = accounts.citizen(email, "복구시민", LocalDate.of(1990, 1, 1));
        TestAccounts.signIn(user);
        accountService.changeMyLanguage(language);
        return email;
    }

    private BaeumUser staff() {
        return accounts.create("bmr-staff-" + UUID.randomUUID().toString().substring(0, 8), Role.STAFF);
    }

    private void crashAt(String owed) {
        mail.crashBeforeQueueing(m -> {
            if (m.equals(owed)) {
                throw new Crash(m);
            }
        });
    }

    private List<Object> owed(String bookingId) {
        Document d = database.getCollection(BookingRepository.COLLECTION).find(Filters.eq("_id", bookingId)).first();
        return d.getList("mailsOwed", Object.class, List.of());
    }

    private int sweepAfter(Duration wait) {
        clock.advance(wait);
        return sweep.recoverMails();
    }

    @Test
    void a_crash_before_the_confirmation_is_queued_leaves_it_owed_and_the_sweep_mails_it_once() {
        Bookable seats = fixture.seats("bmr-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = citizen(Locale.ENGLISH);
        crashAt(BookingMail.CONFIRMED);

        assertThatThrownBy(() -> bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(10, 0), null, null, 0,
                null))).isInstanceOf(Crash.class);
        mail.crashBeforeQueueing(null);
        Booking stored = bookings.mine(day).stream().filter(b -> b.bookableId().equals(seats.id())).findFirst()
                .orElseThrow();
        assertThat(stored.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(owed(stored.id())).hasSize(1);
        assertThat(mailbox.to(email)).isEmpty();

        sweep.recoverMails(); // within the minute its request may still be queueing it
        assertThat(mailbox.to(email)).isEmpty();

        sweepAfter(Duration.ofSeconds(61));
        sweepAfter(Duration.ofSeconds(31));
        sweep.run();

        assertThat(mailbox.to(email)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Baeum] Digital seats bmr-seats is booked");
            assertThat(m.textBody()).contains("10:00–11:00").contains("Check in from").doesNotContain(stored.code());
        });
        assertThat(owed(stored.id())).isEmpty();
    }

    @Test
    void a_mail_the_request_queued_is_not_queued_again_by_the_sweep_even_when_the_crash_came_before_it_was_taken_off() {
        Bookable seats = fixture.seats("bmr-sent-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = citizen(Locale.KOREAN);
        Booking booked = bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(11, 0), null, null, 0, null));
        assertThat(owed(booked.id())).isEmpty(); // queued, and taken off in the request
        assertThat(mailbox.to(email)).hasSize(1);

        // a crash between queueing and taking it off: still owed, though queued
        database.getCollection(BookingRepository.COLLECTION).updateOne(Filters.eq("_id", booked.id()),
                new Document("$push", new Document("mailsOwed",
                        BookingRepository.owed(BookingMail.CONFIRMED, clock.instant()))));
        assertThat(sweepAfter(Duration.ofMinutes(2))).isGreaterThanOrEqualTo(1);
        sweepAfter(Duration.ofMinutes(1));

        assertThat(mailbox.to(email)).extracting(SentMail::subject)
                .containsExactly("[배움] 디지털 좌석 bmr-sent-seats 예약이 완료되었습니다");
        assertThat(owed(booked.id())).isEmpty();
    }

    @Test
    void staffs_approval_and_refusal_cut_off_by_a_crash_are_mailed_once_each_by_the_sweep_with_the_stored_reason() {
        Bookable hall = fixture.room("bmr-hall", BookableKind.AUDITORIUM, null);
        LocalDate day = fixture.openDay(3);
        String email = citizen(Locale.ENGLISH);
        Booking toRefuse = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(9, 0), null, null, 3, "talk"));
        Booking toApprove = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(13, 0), null, null, 3,
                "talk"));
        assertThat(mailbox.to(email)).hasSize(2); // both requests acknowledged

        TestAccounts.signIn(staff());
        crashAt(BookingMail.DECIDED);
        assertThatThrownBy(() -> bookings.refuse(toRefuse.id(), "The hall is being repainted"))
                .isInstanceOf(Crash.class);
        assertThatThrownBy(() -> bookings.approve(toApprove.id())).isInstanceOf(Crash.class);
        mail.crashBeforeQueueing(null);
        assertThat(mailbox.to(email)).hasSize(2);
        assertThat(owed(toRefuse.id())).hasSize(1);
        assertThat(owed(toApprove.id())).hasSize(1);

        sweepAfter(Duration.ofMinutes(2));
        sweepAfter(Duration.ofMinutes(1));
        // STAFF press the button again: the booking moved on already, nothing changes and nothing is mailed
        assertThatThrownBy(() -> bookings.approve(toApprove.id())).isInstanceOf(org.baeum.booking.BookingRefusedException.class);

        List<SentMail> decided = mailbox.to(email).stream().filter(m -> m.subject().endsWith("is decided")).toList();
        assertThat(decided).hasSize(2);
        assertThat(decided).filteredOn(m -> m.textBody().contains("09:00–11:00, was refused.")).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("Reason: The hall is being repainted"));
        assertThat(decided).filteredOn(m -> m.textBody().contains("13:00–15:00, was approved.")).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("Check in from"));
        assertThat(owed(toRefuse.id())).isEmpty();
        assertThat(owed(toApprove.id())).isEmpty();
    }

    @Test
    void staff_cancelling_for_the_household_cut_off_by_a_crash_is_mailed_once_and_a_clubs_booking_owes_nothing() {
        Bookable seats = fixture.seats("bmr-cancel-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = citizen(Locale.KOREAN);
        Booking booked = bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(15, 0), null, null, 0, null));

        TestAccounts.signIn(staff());
        crashAt(BookingMail.CANCELLED);
        assertThatThrownBy(() -> bookings.cancel(booked.id())).isInstanceOf(Crash.class);
        mail.crashBeforeQueueing(null);
        assertThat(mailbox.to(email)).hasSize(1);

        sweepAfter(Duration.ofMinutes(2));
        sweepAfter(Duration.ofMinutes(1));

        assertThat(mailbox.to(email)).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[배움] 디지털 좌석 bmr-cancel-seats 예약이 완료되었습니다",
                "[배움] 디지털 좌석 bmr-cancel-seats 예약이 취소되었습니다");
        assertThat(owed(booked.id())).isEmpty();
        assertThat(BookingMail.owedOnPlacement("club-x", BookingStatus.CONFIRMED, clock.instant())).isEmpty();
        assertThat(BookingMail.owedOnDecision(new Document("clubId", "club-x"))).isNull();
    }

    @Autowired
    org.baeum.notification.NotificationService notifications;
    @Autowired
    BookableRepository bookableRepository;
    @Autowired
    BookingMailText text;
    @Autowired
    BookingRepository bookingRepository;

    private final java.util.Set<String> englishEmails = new java.util.HashSet<>();

    private boolean english(String email) {
        return englishEmails.contains(email);
    }

    @Test
    void new_bookings_mails_added_together_in_the_background_reach_each_household_once() {
        Bookable seats = fixture.seats("bmr-batch-seats", 20, 0, 0);
        LocalDate day = fixture.openDay(3);
        crashAt(BookingMail.CONFIRMED); // the context's own mail leaves each confirmation owed
        java.util.Map<String, Booking> byEmail = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            Locale language = i % 2 == 0 ? Locale.KOREAN : Locale.ENGLISH;
            String email = citizen(language);
            if (language == Locale.ENGLISH) {
                englishEmails.add(email);
            }
            assertThatThrownBy(() -> bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(9, 0), null, null, 0,
                    null))).isInstanceOf(Crash.class);
            byEmail.put(email, bookings.mine(day).stream().filter(b -> b.bookableId().equals(seats.id())).findFirst()
                    .orElseThrow());
        }
        mail.crashBeforeQueueing(null);
        assertThat(byEmail.values()).allSatisfy(b -> assertThat(owed(b.id())).hasSize(1));

        BookingMail background = new BookingMail(notifications, accountService, bookableRepository, text,
                bookingRepository, true, new org.baeum.base.scheduling.Foreground(4, java.time.Duration.ofSeconds(15)));
        try {
            byEmail.values().forEach(b -> background.placed(new org.baeum.booking.BookingEvents.BookingPlaced(b.masked())));
            byEmail.values().stream().limit(3) // an event seen twice adds nothing
                    .forEach(b -> background.placed(new org.baeum.booking.BookingEvents.BookingPlaced(b.masked())));
        } finally {
            background.stop(); // waits for what was queued
        }

        byEmail.forEach((email, b) -> {
            assertThat(owed(b.id())).as("taken off for %s", b.id()).isEmpty();
            boolean english = english(email);
            assertThat(mailbox.to(email)).singleElement().satisfies(m -> {
                if (english) {
                    assertThat(m.subject()).isEqualTo("[Baeum] Digital seats bmr-batch-seats is booked");
                    assertThat(m.textBody()).contains("09:00–10:00").contains("Check in from");
                } else {
                    assertThat(m.subject()).startsWith("[배움]").endsWith("예약이 완료되었습니다");
                    assertThat(m.textBody()).contains("09:00–10:00");
                }
                assertThat(m.textBody()).doesNotContain(b.code());
            });
        });
        sweepAfter(Duration.ofMinutes(2));
        byEmail.keySet().forEach(email -> assertThat(mailbox.to(email)).as("the sweep adds nothing").hasSize(1));
    }
}
