package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.BaeumIntegrationTest;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingEvents;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The booking mails (BOOKING_CONFIRMED, BOOKING_REQUESTED, BOOKING_DECIDED, BOOKING_CANCELLED): exactly one per event
 * to the household, in its account's language, never with the booking code, none for the household's own
 * cancellation or a closure's (the closure mails once itself), none twice when an event comes again.
 */
@BaeumIntegrationTest
class BookingMailTest {

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
    ApplicationEventPublisher events;
    @Autowired
    BookingSweep sweep;
    @Autowired
    MutableClock clock;

    @AfterEach
    void signOut() {
        clock.reset();
        TestAccounts.signOut();
    }

    private String email() {
        return "bm-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum";
    }

    private BaeumUser citizen(String email, Locale language) {
        BaeumUser user = accounts.citizen(email, "메일시민", LocalDate.of(1990, 1, 1));
        TestAccounts.signIn(user);
        accountService.changeMyLanguage(language);
        return user;
    }

    private BaeumUser staff() {
        return accounts.create("bm-staff-" + UUID.randomUUID().toString().substring(0, 8), Role.STAFF);
    }

    private static BookingRequest at(Bookable b, LocalDate day, int hour) {
        return new BookingRequest(b.id(), day, LocalTime.of(hour, 0), null, null, 0, null);
    }

    /** The code in every form a reader could recognise it: as shown, without the dash, and either half. */
    private static void withoutCode(SentMail mail, String code) {
        for (String body : List.of(mail.subject(), mail.textBody(), mail.htmlBody())) {
            assertThat(body).doesNotContain(code).doesNotContain(code.replace("-", ""))
                    .doesNotContain(code.substring(0, 4)).doesNotContain(code.substring(5));
        }
    }

    @Test
    void a_booking_is_confirmed_once_in_english_without_its_code_and_the_own_cancel_mails_nothing() {
        Bookable seats = fixture.seats("bm-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = email();
        citizen(email, Locale.ENGLISH);

        Booking booked = bookings.book(at(seats, day, 10));
        // the event again (a retried step): the key adds nothing
        events.publishEvent(new BookingEvents.BookingPlaced(booked.masked()));

        List<SentMail> mails = mailbox.to(email);
        assertThat(mails).hasSize(1);
        SentMail mail = mails.getFirst();
        assertThat(mail.subject()).isEqualTo("[Baeum] Digital seats bm-seats is booked");
        assertThat(mail.textBody()).contains("When: " + Formats.date(day, Locale.ENGLISH) + " 10:00–11:00")
                .contains("Check in from " + Formats.dateTime(booked.startAt(), Locale.ENGLISH))
                .contains("until " + Formats.dateTime(booked.startAt().minus(Duration.ofHours(1)), Locale.ENGLISH))
                .contains("/my/bookings");
        withoutCode(mail, booked.code());

        bookings.cancel(booked.id());
        assertThat(mailbox.to(email)).hasSize(1);
    }

    @Test
    void staff_cancelling_a_booking_mails_the_household_once_in_korean_without_the_code() {
        Bookable seats = fixture.seats("bm-staff-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = email();
        citizen(email, Locale.KOREAN);
        Booking booked = bookings.book(at(seats, day, 15));

        TestAccounts.signIn(staff());
        Booking cancelled = bookings.cancel(booked.id());
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        events.publishEvent(new BookingEvents.BookingCancelled(cancelled, BookingEvents.CancelledBy.STAFF));

        List<SentMail> mails = mailbox.to(email);
        assertThat(mails).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[배움] 디지털 좌석 bm-staff-seats 예약이 완료되었습니다",
                "[배움] 디지털 좌석 bm-staff-seats 예약이 취소되었습니다");
        SentMail cancelMail = mails.stream().filter(m -> m.subject().endsWith("취소되었습니다")).findFirst().orElseThrow();
        assertThat(cancelMail.textBody()).contains("배움 담당자가 예약을 취소했습니다").contains("/my/bookings");
        mails.forEach(m -> withoutCode(m, booked.code()));
    }

    @Test
    void a_request_is_acknowledged_and_staffs_refusal_and_approval_are_mailed_once_each_with_the_reason() {
        Bookable hall = fixture.room("bm-hall", BookableKind.AUDITORIUM, null);
        LocalDate day = fixture.openDay(3);
        String email = email();
        citizen(email, Locale.ENGLISH);
        Booking refusedOne = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(9, 0), null, null, 3, "talk"));
        Booking approvedOne = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(13, 0), null, null, 3,
                "talk"));
        assertThat(refusedOne.status()).isEqualTo(BookingStatus.REQUESTED);

        TestAccounts.signIn(staff());
        Booking refused = bookings.refuse(refusedOne.id(), "The hall is being repainted");
        Booking approved = bookings.approve(approvedOne.id());
        events.publishEvent(new BookingEvents.BookingDecided(refused, "The hall is being repainted"));

        List<SentMail> mails = mailbox.to(email);
        assertThat(mails).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[Baeum] Your request for Study room bm-hall is received",
                "[Baeum] Your request for Study room bm-hall is received",
                "[Baeum] Your request for Study room bm-hall is decided",
                "[Baeum] Your request for Study room bm-hall is decided");
        assertThat(mails).filteredOn(m -> m.textBody().contains("09:00–11:00, was refused.")).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("Reason: The hall is being repainted"));
        assertThat(mails).filteredOn(m -> m.textBody().contains("13:00–15:00, was approved.")).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("Check in from"));
        mails.forEach(m -> {
            withoutCode(m, refusedOne.code());
            withoutCode(m, approvedOne.code());
        });
        assertThat(approved.status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_closure_cancelling_a_booking_adds_no_booking_mail() {
        Bookable seats = fixture.seats("bm-closed-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        String email = email();
        citizen(email, Locale.KOREAN);
        Booking booked = bookings.book(at(seats, day, 12));

        Booking cancelled = SystemIdentity.call(() -> bookings.cancelForClosure(booked.id(), "plan-bm-" + booked.id()));

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(mailbox.to(email)).extracting(SentMail::subject)
                .containsExactly("[배움] 디지털 좌석 bm-closed-seats 예약이 완료되었습니다");
    }

    @Test
    void a_request_nobody_decided_before_its_start_is_mailed_as_ended_once() {
        Bookable gallery = fixture.room("bm-gallery", BookableKind.GALLERY, null);
        LocalDate day = fixture.openDay(1);
        String email = email();
        citizen(email, Locale.KOREAN);
        Booking request = bookings.book(new BookingRequest(gallery.id(), day, LocalTime.of(9, 0), null, null, 2, "전시"));
        // sent before the clock jumps: a row still being sent when its lease seems to run out is sent again
        assertThat(mailbox.to(email)).hasSize(1);

        clock.advance(Duration.between(clock.instant(), LocalDateTime.of(day, LocalTime.of(9, 1))
                .atZone(Formats.SEOUL).toInstant()));
        sweep.run();
        sweep.run();

        List<SentMail> mails = mailbox.to(email);
        assertThat(mails).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "[배움] 스터디룸 bm-gallery 이용 신청이 접수되었습니다",
                "[배움] 스터디룸 bm-gallery 예약이 취소되었습니다");
        assertThat(mails).filteredOn(m -> m.subject().endsWith("취소되었습니다")).singleElement()
                .satisfies(m -> assertThat(m.textBody()).contains("시작 전까지 담당자의 결정이 없어 신청이 끝났습니다"));
        mails.forEach(m -> withoutCode(m, request.code()));
    }
}
