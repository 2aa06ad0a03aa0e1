package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingNotFoundException;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;
import org.baeum.booking.SlotState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Booking, the grid, cancelling, a slot never given twice, quotas under parallel requests (decision 0042). */
@BaeumIntegrationTest
class BookingTest {

    @Autowired
    Bookings bookings;
    @Autowired
    Bookables bookables;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    QuotaCounters quotas;
    @Autowired
    PersonDays days;
    @Autowired
    org.baeum.account.HouseholdService households;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private BaeumUser citizen(String name) {
        return accounts.citizen(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", name,
                LocalDate.of(1990, 1, 1));
    }

    private static BookingRequest at(Bookable b, LocalDate day, int hour) {
        return new BookingRequest(b.id(), day, LocalTime.of(hour, 0), null, null, 0, null);
    }

    @Test
    void a_citizen_books_sees_and_cancels_a_seat_and_the_grid_follows() {
        Bookable seats = fixture.seats("bt-seats", 3, 0, 0);
        LocalDate day = fixture.openDay(2);
        BaeumUser citizen = citizen("booker");
        TestAccounts.signIn(citizen);

        Booking booked = bookings.book(at(seats, day, 10));

        assertThat(booked.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booked.code()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}");
        assertThat(booked.accountId()).isEqualTo(citizen.accountId());
        assertThat(booked.participantId()).isEqualTo(citizen.accountId());
        assertThat(booked.end()).isEqualTo(LocalTime.of(11, 0));
        List<Slot> grid = bookables.slots(seats.id(), day);
        assertThat(grid).hasSize(12);
        assertThat(grid.get(1)).extracting(Slot::start, Slot::left, Slot::state).containsExactly(LocalTime.of(10, 0), 2,
                SlotState.FREE);
        assertThat(grid.get(0).left()).isEqualTo(3);
        assertThat(bookings.mine(fixture.today())).extracting(Booking::id).containsExactly(booked.id());
        assertThat(bookings.booking(booked.id())).contains(booked);

        Booking cancelled = bookings.cancel(booked.id());

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(bookables.slots(seats.id(), day).get(1).left()).isEqualTo(3);
        assertThatThrownBy(() -> bookings.cancel(booked.id())).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(BookingRefusal.TOO_LATE));
    }

    @Test
    void two_hundred_people_on_one_slot_give_exactly_one_booking() throws Exception {
        Bookable seat = fixture.seats("bt-one", 1, 0, 0);
        LocalDate day = fixture.openDay(1);
        List<BaeumUser> people = accounts.citizens("crowd-" + UUID.randomUUID().toString().substring(0, 6) + "-", "군중",
                200, LocalDate.of(1980, 1, 1));
        Map<String, Integer> outcomes = rush(people, at(seat, day, 14));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("BOOKED", 1, "TAKEN", 199));
        TestAccounts.signIn(accounts.create("bt-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF));
        assertThat(bookings.ofDay(seat.id(), day)).hasSize(1);
        assertThat(bookables.slots(seat.id(), day)).filteredOn(s -> s.start().equals(LocalTime.of(14, 0)))
                .singleElement().extracting(Slot::state, Slot::left).containsExactly(SlotState.FULL, 0);
    }

    @Test
    void parallel_requests_of_one_person_never_pass_the_daily_quota() throws Exception {
        Bookable seats = fixture.seats("bt-quota", 60, 120, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen("quota");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int hour = 9; hour < 19; hour++) {
            int h = hour;
            results.add(pool.submit(() -> {
                TestAccounts.signIn(citizen);
                try {
                    go.await();
                    return bookings.book(at(seats, day, h)).status().name();
                } catch (BookingRefusedException e) {
                    return e.reason().name();
                } finally {
                    TestAccounts.signOut();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("QUOTA"::equals).hasSize(8);
        String counter = PersonDays.id(citizen.accountId(), "main", seats.kind().name(), day);
        assertThat(days.minutes(counter)).contains(120);
        TestAccounts.signIn(citizen);
        assertThat(bookings.mine(day)).hasSize(2);
        // cancelling gives the quota back: one more hour may be booked
        bookings.cancel(bookings.mine(day).getFirst().id());
        assertThat(days.minutes(counter)).contains(60);
        assertThat(bookings.book(at(seats, day, 20)).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(refusal(() -> bookings.book(at(seats, day, 19)))).isEqualTo(BookingRefusal.QUOTA);
    }

    @Test
    void one_person_holds_one_seat_per_slot_even_under_parallel_requests() throws Exception {
        Bookable seats = fixture.seats("bt-dup", 40, 0, 0);
        Bookable other = fixture.seats("bt-dup-b", 5, 0, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen("dup");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                TestAccounts.signIn(citizen);
                try {
                    go.await();
                    return bookings.book(at(seats, day, 10)).status().name();
                } catch (BookingRefusedException e) {
                    return e.reason().name();
                } finally {
                    TestAccounts.signOut();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("QUOTA"::equals).hasSize(9);
        TestAccounts.signIn(citizen);
        assertThat(bookings.mine(day)).hasSize(1);
        assertThat(bookables.slots(seats.id(), day).get(1).left()).isEqualTo(39);
        // another digital-seat resource of the branch at the same time is the same seat-hour for a person
        assertThatThrownBy(() -> bookings.book(at(other, day, 10))).isInstanceOfSatisfying(
                BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingRefusal.QUOTA);
                    assertThat(e.detail()).isNotBlank();
                });
        assertThat(bookings.book(at(seats, day, 11)).status()).isEqualTo(BookingStatus.CONFIRMED);
        // cancelling frees the person's hold on the hour
        bookings.cancel(bookings.mine(day).getFirst().id());
        assertThat(bookings.book(at(other, day, 10)).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void the_monthly_quota_counts_bookings_and_a_refusal_stores_nothing() {
        Bookable seats = fixture.seats("bt-month", 5, 0, 2);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen("month");
        TestAccounts.signIn(citizen);
        bookings.book(at(seats, day, 9));
        bookings.book(at(seats, day, 10));

        assertThat(refusal(() -> bookings.book(at(seats, day, 11)))).isEqualTo(BookingRefusal.QUOTA);
        assertThat(bookings.mine(day)).hasSize(2);
        assertThat(bookables.slots(seats.id(), day).get(2).left()).isEqualTo(5);
        // the refused third took no booking of the month's count (and none of the ledger's units)
        assertThat(quotas.value(QuotaCounters.monthId(citizen.accountId(), "main", seats.kind(), day),
                QuotaCounters.BOOKINGS)).contains(2);
    }

    @Test
    void each_refusal_has_its_reason() {
        Bookable one = fixture.seats("bt-refuse", 1, 0, 0);
        Bookable room = fixture.room("bt-room", org.baeum.booking.BookableKind.STUDY_ROOM, null);
        LocalDate day = fixture.openDay(1);
        TestAccounts.signIn(citizen("first"));
        bookings.book(at(one, day, 9));
        TestAccounts.signIn(citizen("second"));

        assertThat(refusal(() -> bookings.book(at(one, day, 9)))).isEqualTo(BookingRefusal.TAKEN);
        assertThat(refusal(() -> bookings.book(at(one, fixture.today().minusDays(1), 9))))
                .isEqualTo(BookingRefusal.NOT_BOOKABLE);
        assertThat(refusal(() -> bookings.book(at(one, fixture.today().plusDays(8), 9))))
                .isEqualTo(BookingRefusal.NOT_BOOKABLE);
        assertThat(refusal(() -> bookings.book(new BookingRequest(one.id(), day, LocalTime.of(9, 30), null, null, 0,
                null)))).isEqualTo(BookingRefusal.NOT_BOOKABLE);
        assertThat(refusal(() -> bookings.book(at(one, day, 21)))).isEqualTo(BookingRefusal.NOT_BOOKABLE);
        assertThat(refusal(() -> bookings.book(new BookingRequest(one.id(), day, LocalTime.of(10, 0), null, null, 2,
                null)))).isEqualTo(BookingRefusal.GROUP_SIZE);
        assertThat(refusal(() -> bookings.book(new BookingRequest(room.id(), day, LocalTime.of(9, 0), null, null, 1,
                null)))).isEqualTo(BookingRefusal.GROUP_SIZE);
        assertThat(refusal(() -> bookings.book(new BookingRequest(room.id(), day, LocalTime.of(9, 0), null, null, 7,
                null)))).isEqualTo(BookingRefusal.GROUP_SIZE);
        assertThat(bookings.book(new BookingRequest(room.id(), day, LocalTime.of(9, 0), LocalTime.of(13, 0), null, 4,
                "팀 프로젝트")).end()).isEqualTo(LocalTime.of(13, 0));
        assertThat(bookings.mine(fixture.today())).hasSize(1);
    }

    @Test
    void nobody_is_refused_while_a_seat_is_free_even_when_all_ask_before_the_slot_exists() throws Exception {
        // the slot's ledger document is created on first use: 24 people at once on a fresh slot of 24 seats all race
        // its creation and the claims; a lost race is read back and claimed again, never answered "taken" (0048)
        Bookable seats = fixture.seats("bt-fresh", 24, 0, 0);
        LocalDate day = fixture.openDay(1);
        List<BaeumUser> people = accounts.citizens("fresh-" + UUID.randomUUID().toString().substring(0, 6) + "-", "첫손",
                24, LocalDate.of(1980, 1, 1));
        Map<String, Integer> outcomes = rush(people, at(seats, day, 16));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("BOOKED", 24));
        TestAccounts.signIn(citizen("late"));
        assertThat(refusal(() -> bookings.book(at(seats, day, 16)))).isEqualTo(BookingRefusal.TAKEN);
    }

    @Test
    void a_seat_given_back_on_this_node_is_offered_at_once_though_its_slot_was_just_seen_full() {
        Bookable seat = fixture.seats("bt-memo", 1, 0, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser first = citizen("first");
        BaeumUser second = citizen("second");
        TestAccounts.signIn(first);
        Booking held = bookings.book(at(seat, day, 15));
        TestAccounts.signIn(second);
        // seen full (the ledger read), then full again from the memo of full slots (decision 0048)
        assertThat(refusal(() -> bookings.book(at(seat, day, 15)))).isEqualTo(BookingRefusal.TAKEN);
        assertThat(refusal(() -> bookings.book(at(seat, day, 15)))).isEqualTo(BookingRefusal.TAKEN);
        TestAccounts.signIn(first);
        bookings.cancel(held.id());
        TestAccounts.signIn(second);
        assertThat(bookings.book(at(seat, day, 15)).status()).as("the cancellation forgot that the slot was full")
                .isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_citizen_never_reaches_another_households_booking() {
        Bookable seats = fixture.seats("bt-private", 2, 0, 0);
        LocalDate day = fixture.openDay(1);
        TestAccounts.signIn(citizen("owner"));
        Booking theirs = bookings.book(at(seats, day, 12));
        TestAccounts.signIn(citizen("other"));

        assertThat(bookings.booking(theirs.id())).isEmpty();
        assertThat(bookings.mine(fixture.today())).isEmpty();
        for (String id : List.of(theirs.id(), "no-such-booking")) {
            assertThatThrownBy(() -> bookings.cancel(id)).isExactlyInstanceOf(BookingNotFoundException.class)
                    .hasMessage("No such booking");
            assertThatThrownBy(() -> bookings.checkIn(id)).isExactlyInstanceOf(BookingNotFoundException.class)
                    .hasMessage("No such booking");
        }
        assertThatThrownBy(() -> bookings.approve(theirs.id())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> bookings.ofDay(seats.id(), day)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("bt-instructor-" + UUID.randomUUID().toString().substring(0, 6),
                Role.INSTRUCTOR));
        assertThatThrownBy(() -> bookings.book(at(seats, day, 13))).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signOut();
        assertThatThrownBy(() -> bookings.cancel(theirs.id())).isInstanceOf(
                org.springframework.security.core.AuthenticationException.class);
        TestAccounts.signIn(accounts.create("bt-staff2-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF));
        assertThat(bookings.booking(theirs.id())).isPresent();
        assertThat(bookings.cancel(theirs.id()).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void a_dependant_books_with_their_own_quota_and_another_households_member_is_unknown() {
        Bookable seats = fixture.seats("bt-family", 10, 60, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser stranger = citizen("stranger");
        BaeumUser parent = citizen("parent");
        TestAccounts.signIn(parent);
        var child = households.addDependant(new org.baeum.account.DependantDraft("아이", LocalDate.of(2012, 5, 5),
                org.baeum.account.Relation.CHILD));

        bookings.book(at(seats, day, 9));
        Booking childs = bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(10, 0), null,
                child.id().value(), 0, null));

        assertThat(childs.participantId()).isEqualTo(child.id().value());
        assertThat(childs.accountId()).isEqualTo(parent.accountId());
        assertThat(refusal(() -> bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(11, 0), null,
                child.id().value(), 0, null)))).isEqualTo(BookingRefusal.QUOTA);
        assertThat(bookings.standing(child.id().value()).banned()).isFalse();
        assertThatThrownBy(() -> bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(12, 0), null,
                stranger.accountId(), 0, null))).isInstanceOfSatisfying(
                org.baeum.base.domain.InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().extracting(p -> p.field()).isEqualTo("participantId"));
        assertThatThrownBy(() -> bookings.standing(stranger.accountId()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(bookings.mine(day)).hasSize(2);
    }

    @Test
    void the_portal_places_a_clubs_slot_beyond_the_horizon_and_without_quota_but_never_on_a_taken_one() {
        Bookable room = fixture.room("bt-club", org.baeum.booking.BookableKind.CLUB_ROOM, null);
        LocalDate far = fixture.openDay(10);
        BaeumUser leader = citizen("leader");
        TestAccounts.signIn(leader);
        BookingRequest request = new BookingRequest(room.id(), far, LocalTime.of(13, 0), null, null, 5, "독서 모임");
        assertThatThrownBy(() -> bookings.place(request, leader.accountId(), "club-1", BookingStatus.REQUESTED))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(refusal(() -> bookings.book(request))).isEqualTo(BookingRefusal.NOT_BOOKABLE);

        Booking placed = org.baeum.base.security.SystemIdentity.call(() -> bookings.place(request, leader.accountId(),
                "club-1", BookingStatus.REQUESTED));

        assertThat(placed.status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(placed.clubId()).isEqualTo("club-1");
        assertThat(placed.participantId()).isEqualTo(leader.accountId());
        assertThat(bookings.mine(far)).extracting(Booking::id).containsExactly(placed.id());
        assertThat(refusal(() -> org.baeum.base.security.SystemIdentity.call(() -> bookings.place(request,
                leader.accountId(), "club-2", BookingStatus.CONFIRMED)))).isEqualTo(BookingRefusal.TAKEN);
    }

    /** Everyone asks for the same at the same moment, each on a thread of their own: how many got which answer. */
    private Map<String, Integer> rush(List<BaeumUser> people, BookingRequest request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (BaeumUser person : people) {
            done.add(pool.submit(() -> {
                TestAccounts.signIn(person);
                try {
                    go.await();
                    bookings.book(request);
                    outcomes.merge("BOOKED", 1, Integer::sum);
                } catch (BookingRefusedException e) {
                    outcomes.merge(e.reason().name(), 1, Integer::sum);
                } finally {
                    TestAccounts.signOut();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return outcomes;
    }

    static BookingRefusal refusal(Runnable call) {
        try {
            call.run();
        } catch (BookingRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }
}
