package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.desk.CheckInSource;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.Bookings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The booking code is the booker's: STAFF's lists (a resource's day, the requests, the bookings a closure meets) and
 * STAFF's answers carry it masked, the household's own views whole, and the desk still finds a booking by the whole
 * code the citizen shows.
 */
@BaeumIntegrationTest
class BookingCodeMaskTest {

    private static final String ALPHABET = "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]";

    @Autowired
    Bookings bookings;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    List<CheckInSource> deskSources;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private static void masked(Booking seen, String whole) {
        assertThat(seen.code()).isEqualTo("\u2022\u2022\u2022\u2022" + whole.substring(whole.length() - 2))
                .matches("\u2022{4}" + ALPHABET + "{2}");
    }

    @Test
    void staff_lists_and_answers_mask_the_code_the_household_and_the_desk_see_it_whole() {
        Bookable seats = fixture.seats("mask-seats", 3, 0, 0);
        Bookable hall = fixture.room("mask-hall", BookableKind.GALLERY, null);
        LocalDate day = fixture.openDay(2);
        BaeumUser citizen = accounts.citizen("mask-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum",
                "가림시민", LocalDate.of(1985, 5, 5));
        TestAccounts.signIn(citizen);
        Booking seat = bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(11, 0), null, null, 0, null));
        Booking request = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(13, 0), null, null, 2, "전시"));
        assertThat(seat.code()).matches(ALPHABET + "{4}-" + ALPHABET + "{4}");
        // the household's own views: whole
        assertThat(bookings.booking(seat.id()).orElseThrow().code()).isEqualTo(seat.code());
        assertThat(bookings.mine(day)).extracting(Booking::code).contains(seat.code(), request.code());

        TestAccounts.signIn(accounts.create("mask-staff-" + UUID.randomUUID().toString().substring(0, 8), Role.STAFF));
        masked(single(bookings.ofDay(seats.id(), day), seat), seat.code());
        masked(single(bookings.requests(), request), request.code());
        masked(single(bookings.within("main", null, null, day, day, null, null), seat), seat.code());
        masked(single(bookings.within(null, null, seats.id(), day, day, LocalTime.of(10, 0), LocalTime.of(12, 0)), seat),
                seat.code());
        masked(bookings.booking(seat.id()).orElseThrow(), seat.code());

        // the desk finds it by the whole code as the citizen shows it, and not by the masked one
        CheckInSource desk = deskSources.stream().filter(s -> s.name().equals("booking")).findFirst().orElseThrow();
        assertThat(desk.find(seat.code(), day)).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(seat.id()));
        assertThat(desk.find(Booking.maskCode(seat.code()), day)).isEmpty();

        masked(bookings.approve(request.id()), request.code());
        masked(bookings.cancel(seat.id()), seat.code());
    }

    private static Booking single(List<Booking> list, Booking wanted) {
        return list.stream().filter(b -> b.id().equals(wanted.id())).findFirst()
                .orElseThrow(() -> new AssertionError("booking " + wanted.id() + " not listed"));
    }
}
