package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;
import org.baeum.booking.SlotState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A burst on the 60 digital seats of the next morning (2 hours a day each): no hour given beyond its 60 seats,
 * nobody over the quota, the grid counting what was booked. Prints how long a booking took (the benchmark proper is the API's).
 */
@BaeumIntegrationTest
class BookingBurstTest {

    @Autowired
    Bookings bookings;
    @Autowired
    Bookables bookables;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;

    @Test
    void a_burst_on_sixty_seats_gives_each_seat_once_and_nobody_more_than_two_hours() throws Exception {
        Bookable seats = fixture.seats("burst-seats", 60, 120, 0);
        LocalDate day = fixture.openDay(1);
        List<BaeumUser> people = accounts.citizens("burst-" + UUID.randomUUID().toString().substring(0, 6) + "-",
                "버스트", 100, LocalDate.of(1990, 1, 1));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            BaeumUser person = people.get(i % people.size());
            int hour = 9 + (i / people.size()) % 3; // each person asks for 09, 10, 11 and 09 again
            done.add(pool.submit(() -> {
                TestAccounts.signIn(person);
                long t = System.nanoTime();
                try {
                    bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(hour, 0), null, null, 0, null));
                    outcomes.merge("BOOKED", 1, Integer::sum);
                } catch (BookingRefusedException e) {
                    outcomes.merge(e.reason().name(), 1, Integer::sum);
                } finally {
                    nanos.add(System.nanoTime() - t);
                    TestAccounts.signOut();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("booking burst: %d requests on 16 threads, p50 %d ms, p99 %d ms, %s%n", sorted.size(),
                sorted.get(sorted.size() / 2) / 1_000_000, sorted.get(sorted.size() * 99 / 100) / 1_000_000, outcomes);

        TestAccounts.signIn(accounts.create("burst-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF));
        List<Booking> held = bookings.ofDay(seats.id(), day);
        assertThat(held).hasSize(outcomes.get("BOOKED"));
        assertThat(outcomes.keySet()).isSubsetOf("BOOKED", "TAKEN", "QUOTA");
        Map<LocalTime, Long> perHour = held.stream().collect(Collectors.groupingBy(Booking::start, Collectors.counting()));
        assertThat(perHour.values()).allMatch(n -> n <= 60);
        assertThat(held.stream().collect(Collectors.groupingBy(Booking::participantId, Collectors.counting())).values())
                .allMatch(n -> n <= 2);
        for (Slot slot : bookables.slots(seats.id(), day).subList(0, 3)) {
            long n = perHour.getOrDefault(slot.start(), 0L);
            assertThat(slot.left()).isEqualTo(60 - n);
            assertThat(slot.state()).isEqualTo(n == 60 ? SlotState.FULL : SlotState.FREE);
        }
        assertThat(outcomes.get("TAKEN")).isPositive(); // the burst did meet full hours
        TestAccounts.signOut();
    }
}
