package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.desk.CheckInSource;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingRules;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;
import org.baeum.booking.SlotState;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.RoomSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Booking against the demo: its resources and the demo citizen's booking, closures and classes in the grid and as
 * refusals, requests STAFF approve or refuse, a closure's bookings and their cancellation, the desk, STAFF's edits.
 */
@BaeumIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingPlacesTest {

    @Autowired
    org.baeum.capacity.CapacityLedger ledger;
    @Autowired
    Bookings bookings;
    @Autowired
    Bookables bookables;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DaysOff daysOff;
    @Autowired
    RoomSessions roomSessions;
    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    List<CheckInSource> deskSources;

    @BeforeAll
    void demo() {
        DemoCatalogFixture.load(contributors);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private BaeumUser staff() {
        return accounts.create("bp-staff-" + UUID.randomUUID().toString().substring(0, 8), Role.STAFF);
    }

    private BaeumUser citizen() {
        return accounts.citizen("bp-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", "예약자",
                LocalDate.of(1985, 3, 3));
    }

    @Autowired
    BookingRepository bookingRepository;

    private Booking demoBooking() {
        TestAccounts.signIn(staff());
        Booking b = bookings.within("main", null, BookingDemoData.DIGITAL, fixture.today(), fixture.today().plusDays(8),
                null, null).stream().filter(x -> x.accountId().equals(BookingDemoData.DEMO_CITIZEN)).findFirst()
                .orElseThrow();
        TestAccounts.signOut();
        // STAFF's list masks the code; the citizen shows the whole one at the desk (read here as stored)
        return BookingRepository.toBooking(bookingRepository.findById(b.id()).orElseThrow());
    }

    @Test
    void the_demo_has_its_spaces_and_the_demo_citizens_seat_and_a_second_run_adds_nothing() {
        assertThat(bookables.bookables()).extracting(Bookable::id).contains("main-study-seats", "ahyeon-study-seats",
                BookingDemoData.DIGITAL, "main-study-room", "main-club-room", "main-auditorium-booking",
                "main-gallery-booking");
        Booking demo = demoBooking();
        assertThat(demo.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(bookables.slots(BookingDemoData.DIGITAL, demo.date())).filteredOn(s -> s.start().getHour() == 10)
                .singleElement().extracting(Slot::left).isEqualTo(59);
        contributors.stream().filter(c -> c instanceof BookingDemoData).forEach(c -> c.contribute(null));
        TestAccounts.signIn(staff());
        assertThat(bookings.ofDay(BookingDemoData.DIGITAL, demo.date())).hasSize(1);
    }

    @Test
    void a_closure_closes_the_grid_refuses_booking_and_lists_and_cancels_its_bookings_once() {
        Bookable seats = fixture.seats("bp-closed", 4, 0, 0);
        LocalDate day = fixture.openDay(3);
        TestAccounts.signIn(citizen());
        Booking booked = bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(11, 0), null, null, 0, null));
        TestAccounts.signIn(staff());
        daysOff.addClosure(new ClosureDraft(ClosureScope.FACILITY, seats.id(), day, day, "배관 공사", "Pipe works"));

        assertThat(bookables.slots(seats.id(), day)).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(SlotState.CLOSED);
            assertThat(s.reason()).isEqualTo("배관 공사");
        });
        assertThat(bookings.within(null, null, seats.id(), day, day, null, null)).extracting(Booking::id)
                .containsExactly(booked.id());
        assertThat(bookings.within("main", null, null, day, day, LocalTime.of(12, 0), LocalTime.of(13, 0)))
                .extracting(Booking::id).doesNotContain(booked.id());
        assertThatThrownBy(() -> bookings.cancelForClosure(booked.id(), "plan-1"))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(citizen());
        assertThatThrownBy(() -> bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(12, 0), null, null, 0,
                null))).isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingRefusal.CLOSED);
                    assertThat(e.detail()).isEqualTo("배관 공사");
                });
        assertThatThrownBy(() -> bookings.within(null, null, seats.id(), day, day, null, null))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);

        Booking cancelled = SystemIdentity.call(() -> bookings.cancelForClosure(booked.id(), "plan-1"));
        Booking again = SystemIdentity.call(() -> bookings.cancelForClosure(booked.id(), "plan-1"));

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again).isEqualTo(cancelled);
        assertThat(SystemIdentity.call(() -> bookings.within(null, null, seats.id(), day, day, null, null))).isEmpty();
    }

    @Test
    void a_closure_by_the_hour_closes_only_its_slots_and_refuses_booking_in_them() {
        Bookable seats = fixture.seats("bp-hours", 4, 0, 0);
        LocalDate day = fixture.openDay(3);
        TestAccounts.signIn(staff());
        daysOff.addClosure(new ClosureDraft(ClosureScope.FACILITY, seats.id(), day, day, "전기 점검", "Power check",
                LocalTime.of(13, 0), LocalTime.of(15, 0)));

        List<Slot> grid = bookables.slots(seats.id(), day);
        assertThat(grid).filteredOn(s -> s.state() == SlotState.CLOSED).extracting(Slot::start)
                .containsExactly(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(grid).filteredOn(s -> s.state() == SlotState.CLOSED).allSatisfy(s ->
                assertThat(s.reason()).isEqualTo("전기 점검"));
        TestAccounts.signIn(citizen());
        assertThatThrownBy(() -> bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(14, 0), null, null, 0,
                null))).isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingRefusal.CLOSED);
                    assertThat(e.detail()).isEqualTo("전기 점검");
                });
        assertThat(bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(15, 0), null, null, 0, null))
                .status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_class_in_the_room_shows_in_the_grid_and_refuses_booking_with_its_title() {
        ClassSession session = roomSessions.between("main", null, fixture.today().plusDays(1),
                fixture.today().plusDays(7)).stream().filter(s -> s.roomId() != null).findFirst().orElseThrow();
        Bookable room = fixture.save(new Bookable("bp-class-room", "main", session.roomId(), BookableKind.CLUB_ROOM,
                "수업 있는 방", "Room with classes", 1, new BookingRules(EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(6, 0), LocalTime.of(23, 0), 60, false, 14, 0, 0, 0, 1, 30), true));
        LocalTime slot = LocalTime.of(session.start().getHour(), 0);

        assertThat(bookables.slots(room.id(), session.date())).filteredOn(s -> s.start().equals(slot)).singleElement()
                .satisfies(s -> {
                    assertThat(s.state()).isEqualTo(SlotState.CLASS);
                    assertThat(s.reason()).isEqualTo(session.titleKo());
                    assertThat(s.free()).isFalse();
                });
        TestAccounts.signIn(citizen());
        assertThatThrownBy(() -> bookings.book(new BookingRequest(room.id(), session.date(), slot, null, null, 2, null)))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingRefusal.CONFLICT);
                    assertThat(e.detail()).isEqualTo(session.titleKo());
                });
        assertThatThrownBy(() -> SystemIdentity.call(() -> bookings.place(new BookingRequest(room.id(), session.date(),
                slot, null, null, 2, null), "club-leader", "club-1", BookingStatus.REQUESTED)))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(BookingRefusal.CONFLICT));
    }

    @Test
    void the_auditorium_is_requested_then_approved_or_refused_and_a_refusal_frees_the_slot() {
        Bookable hall = fixture.room("bp-hall", BookableKind.AUDITORIUM, null);
        LocalDate day = fixture.openDay(2);
        BaeumUser citizen = citizen();
        TestAccounts.signIn(citizen);
        Booking first = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(9, 0), null, null, 3, "강연"));
        Booking second = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(11, 0), null, null, 3, "공연"));
        assertThat(first.status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(bookables.slots(hall.id(), day).getFirst().state()).isEqualTo(SlotState.FULL);
        assertThatThrownBy(() -> bookings.requests()).isExactlyInstanceOf(AuthorizationDeniedException.class);

        TestAccounts.signIn(staff());
        assertThat(bookings.requests()).extracting(Booking::id).containsExactly(first.id(), second.id());
        assertThat(bookings.approve(first.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThatThrownBy(() -> bookings.refuse(second.id(), " ")).isInstanceOf(InvalidInputException.class);
        assertThat(bookings.refuse(second.id(), "행사 일정과 겹칩니다").status()).isEqualTo(BookingStatus.REFUSED);
        assertThat(refusalOf(() -> bookings.approve(second.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        assertThat(bookings.requests()).isEmpty();
        assertThat(bookables.slots(hall.id(), day).get(1).state()).isEqualTo(SlotState.FREE);
    }

    @Test
    void the_desk_finds_a_booking_by_its_code_or_a_name_and_checks_in_only_in_time() {
        Booking demo = demoBooking();
        CheckInSource desk = deskSources.stream().filter(s -> s.name().equals("booking")).findFirst().orElseThrow();
        TestAccounts.signIn(citizen());
        assertThatThrownBy(() -> desk.find(demo.code(), demo.date()))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(staff());

        String typed = demo.code().replace("-", "").toLowerCase();
        assertThat(desk.find(typed, demo.date())).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(demo.id());
            assertThat(m.person()).isEqualTo("김시민");
            assertThat(m.statusKey()).isEqualTo("booking.status.CONFIRMED");
            assertThat(m.canCheckIn()).isFalse(); // not before 30 minutes ahead of its start
        });
        assertThat(desk.find("김시", demo.date())).extracting(DeskMatch::id).containsExactly(demo.id());
        assertThat(desk.find("김", demo.date())).isEmpty();
        assertThatThrownBy(() -> desk.checkIn(demo.id())).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("booking.desk.notNow");
    }

    @Test
    void staff_edit_a_space_checked_per_field_and_fewer_units_than_held_are_refused() {
        Bookable seats = fixture.seats("bp-edit", 2, 0, 0);
        LocalDate day = fixture.openDay(1);
        TestAccounts.signIn(citizen());
        bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(9, 0), null, null, 0, null));
        bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(10, 0), null, null, 0, null));
        TestAccounts.signIn(citizen());
        bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(9, 0), null, null, 0, null));
        assertThatThrownBy(() -> bookables.save(seats)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(staff());

        Bookable bad = new Bookable(seats.id(), "main", null, BookableKind.DIGITAL_SEAT, " ", seats.nameEn(), 0,
                new BookingRules(seats.rules().openDays(), LocalTime.of(9, 0), LocalTime.of(21, 0), 50, false, 7, 60,
                        0, 0, 1, 1), true);
        assertThatThrownBy(() -> bookables.save(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("nameKo", "units",
                        "slotMinutes"));
        Bookable fewer = new Bookable(seats.id(), "main", null, seats.kind(), seats.nameKo(), seats.nameEn(), 1,
                seats.rules(), true);
        assertThatThrownBy(() -> bookables.save(fewer)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("units");
                    assertThat(p.arguments()).containsExactly(1L);
                }));
        assertThat(bookables.bookable(seats.id()).orElseThrow().units()).isEqualTo(2);
        // 30-minute slots would leave the held 09:00 and 10:00 bookings without their second half-hour in the ledger
        Bookable halves = new Bookable(seats.id(), "main", null, seats.kind(), seats.nameKo(), seats.nameEn(), 2,
                new BookingRules(seats.rules().openDays(), LocalTime.of(9, 0), LocalTime.of(21, 0), 30, false, 7, 60,
                        0, 0, 1, 1), true);
        assertThatThrownBy(() -> bookables.save(halves)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("slotMinutes");
                    assertThat(p.arguments()).containsExactly(3);
                }));
        assertThat(bookables.bookable(seats.id()).orElseThrow().rules().slotMinutes()).isEqualTo(60);

        // a unit taken in the ledger without a booking yet (a claim in flight) makes the resize fail: refused, undone
        org.baeum.capacity.ResourceKey nine = SlotTimes.key(seats.id(), day, LocalTime.of(10, 0));
        org.baeum.base.security.SystemIdentity.run(() -> ledger.claim(nine, "in-flight"));
        Bookable one = new Bookable(seats.id(), "main", null, seats.kind(), seats.nameKo(), seats.nameEn(), 1,
                seats.rules(), true);
        org.baeum.booking.Booking firstAtNine = bookings.ofDay(seats.id(), day).stream()
                .filter(b -> b.start().equals(LocalTime.of(9, 0))).findFirst().orElseThrow();
        bookings.cancel(firstAtNine.id()); // 09:00 now holds 1 booking, 10:00 one booking and the claim in flight
        assertThatThrownBy(() -> bookables.save(one)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("units");
                    assertThat(p.arguments()).containsExactly(1L);
                }));
        assertThat(bookables.bookable(seats.id()).orElseThrow().units()).isEqualTo(2);
        org.baeum.base.security.SystemIdentity.run(() -> {
            assertThat(ledger.counters(SlotTimes.key(seats.id(), day, LocalTime.of(9, 0))).orElseThrow().capacity())
                    .isEqualTo(2);
            assertThat(ledger.counters(nine).orElseThrow().capacity()).isEqualTo(2);
            ledger.release(nine, "in-flight");
        });

        Bookable more = bookables.save(new Bookable(seats.id(), "main", null, seats.kind(), "  더 많은 좌석 ",
                seats.nameEn(), 5, seats.rules(), true));
        assertThat(more.nameKo()).isEqualTo("더 많은 좌석");
        assertThat(bookables.slots(seats.id(), day).get(0).left()).isEqualTo(4);
        org.baeum.base.security.SystemIdentity.run(() -> {
            // the ledger itself (the judge at booking time) took the new units, not only the grid's count
            var atNine = ledger.counters(SlotTimes.key(seats.id(), day, LocalTime.of(9, 0))).orElseThrow();
            assertThat(atNine.capacity()).isEqualTo(5);
            assertThat(atNine.left()).isEqualTo(4);
            assertThat(ledger.counters(nine).orElseThrow().left()).isEqualTo(4);
        });
        assertThat(bookables.slots(seats.id(), day).get(2).left()).isEqualTo(5);
    }

    private static BookingRefusal refusalOf(Runnable call) {
        return BookingTest.refusal(call);
    }
}
