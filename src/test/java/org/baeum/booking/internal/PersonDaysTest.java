package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's holds and day quota in one document (decision 0068): one guarded write, what a crash left given back by
 * the sweep once, and bookings of the earlier form (holds in {@code booking_holds}) moved without losing a hold or a
 * minute, on the embedded server.
 */
@BaeumIntegrationTest
class PersonDaysTest {

    @Autowired
    PersonDays days;
    @Autowired
    PersonHolds holds;
    @Autowired
    QuotaCounters quotas;
    @Autowired
    EarlierHolds earlier;
    @Autowired
    BookingSweep sweep;
    @Autowired
    Bookings bookings;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    @AfterEach
    void after() {
        TestAccounts.signOut();
        clock.reset();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void one_write_guards_both_the_keys_and_the_minutes_and_a_refusal_changes_nothing() {
        String id = unique("pd");
        LocalDate day = LocalDate.of(2027, 1, 5);

        assertThat(days.take(id, day, List.of("a|10:00"), 60, 120, "b1", clock.instant()))
                .isEqualTo(PersonDays.Taken.TAKEN);
        assertThat(days.take(id, day, List.of("a|11:00", "a|10:00"), 60, 180, "b2", clock.instant()))
                .isEqualTo(PersonDays.Taken.HELD);
        assertThat(days.take(id, day, List.of("a|11:00", "a|12:00"), 120, 120, "b3", clock.instant()))
                .isEqualTo(PersonDays.Taken.QUOTA);
        assertThat(days.take(id, day, List.of("a|11:00"), 60, 120, "b4", clock.instant()))
                .isEqualTo(PersonDays.Taken.TAKEN);
        Document d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(120);
        assertThat(d.getList("held", String.class)).containsExactly("a|10:00", "a|11:00");
        assertThat(d.getList("owners", Document.class)).extracting(o -> o.getString("b")).containsExactly("b1", "b4");

        // released once: the keys and the minutes of that booking only
        assertThat(days.release(id, "b1", List.of("a|10:00"), 60, true)).isTrue();
        assertThat(days.release(id, "b1", List.of("a|10:00"), 60, true)).isFalse();
        d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(60);
        assertThat(d.getList("held", String.class)).containsExactly("a|11:00");
        // without the minutes (a no-show keeps them)
        assertThat(days.release(id, "b4", List.of("a|11:00"), 60, false)).isTrue();
        d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(60);
        assertThat(d.getList("held", String.class)).isEmpty();
    }

    @Test
    void parallel_first_takes_of_one_person_create_one_document_and_give_each_key_once() throws Exception {
        String id = unique("pd-race");
        LocalDate day = LocalDate.of(2027, 1, 6);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PersonDays.Taken>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String key = "s|" + (9 + i % 4) + ":00"; // four hours, each asked four times
            String booking = "b" + i;
            Callable<PersonDays.Taken> take = () -> {
                go.await();
                return days.take(id, day, List.of(key), 60, 180, booking, clock.instant());
            };
            results.add(pool.submit(take));
        }
        go.countDown();
        List<PersonDays.Taken> outcomes = new ArrayList<>();
        for (Future<PersonDays.Taken> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // three hours fit the 180 minutes; every hour at most once
        assertThat(outcomes).filteredOn(PersonDays.Taken.TAKEN::equals).hasSize(3);
        Document d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(180);
        assertThat(d.getList("held", String.class)).hasSize(3).doesNotHaveDuplicates();
        assertThat(d.getList("owners", Document.class)).hasSize(3);
    }

    @Test
    void what_a_booking_that_never_got_stored_took_is_given_back_by_the_sweep_once_after_the_grace() {
        Bookable seats = fixture.seats(unique("pd-crash"), 5, 120, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen();
        TestAccounts.signIn(citizen);
        Booking kept = bookings.book(at(seats, day, 10));
        String id = PersonDays.id(citizen.accountId(), seats, day);
        // a crash after the person-day write, before the claim and the insert
        String lost = Placement.newId();
        String lostKey = PersonHolds.keys(seats, citizen.accountId(), day,
                List.of(new SlotTimes.Span(LocalTime.of(11, 0), LocalTime.of(12, 0)))).getFirst();
        assertThat(days.take(id, day, List.of(lostKey), 60, 120, lost, clock.instant()))
                .isEqualTo(PersonDays.Taken.TAKEN);
        assertThat(refusal(() -> bookings.book(at(seats, day, 12)))).isEqualTo(BookingRefusal.QUOTA);

        sweep.recoverDays(); // within the grace: the request may still be storing its booking
        assertThat(days.minutes(id)).contains(120);

        clock.advance(BookingSweep.GRACE.plusSeconds(1));
        sweep.recoverDays();
        sweep.recoverDays(); // once: the second run finds no entry of the lost booking to give back

        Document d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(60);
        assertThat(d.getList("owners", Document.class)).extracting(o -> o.getString("b")).containsExactly(kept.id());
        assertThat(d.containsKey("at")).isFalse();
        // the hour the crash held is bookable again, and the kept booking still holds its own
        assertThat(bookings.book(at(seats, day, 11)).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(refusal(() -> bookings.book(at(seats, day, 10)))).isEqualTo(BookingRefusal.QUOTA);
    }

    @Test
    void a_booking_of_the_earlier_form_is_moved_with_its_holds_and_minutes_and_cancelling_it_gives_them_back() {
        Bookable seats = fixture.seats(unique("pd-old"), 5, 120, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen();
        String person = citizen.accountId();
        String bookingId = earlierBooking(seats, person, day, 10);
        String orphan = "orphan-" + UUID.randomUUID();
        String orphanKey = person + "|" + seats.branchId() + "|" + seats.kind() + "|" + day + "|13:00";
        database.getCollection(PersonHolds.COLLECTION).insertOne(new Document("_id", orphanKey)
                .append("bookingId", orphan).append("at", Date.from(clock.instant())));
        String id = PersonDays.id(person, seats, day);

        earlier.move(500);
        earlier.move(500); // a rerun moves nothing twice

        Document d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(60);
        assertThat(d.getList("held", String.class)).containsExactly(
                person + "|" + seats.branchId() + "|" + seats.kind() + "|" + day + "|10:00");
        Document booking = database.getCollection(BookingRepository.COLLECTION).find(new Document("_id", bookingId))
                .first();
        assertThat(booking.getString("personDay")).isEqualTo(id);
        assertThat(booking.getInteger("dayMinutes")).isEqualTo(60);
        // the earlier hold is gone; the orphan stays until the grace has passed (an older portal may be storing it)
        assertThat(database.getCollection(PersonHolds.COLLECTION).find().map(h -> h.getString("_id"))
                .into(new ArrayList<>())).containsExactly(orphanKey);
        clock.advance(BookingSweep.GRACE.plusSeconds(1));
        earlier.move(500);
        assertThat(database.getCollection(PersonHolds.COLLECTION).countDocuments()).isZero();

        // the moved booking still counts: the same hour and a third hour are refused, one more hour is not
        TestAccounts.signIn(citizen);
        assertThat(refusal(() -> bookings.book(at(seats, day, 10)))).isEqualTo(BookingRefusal.QUOTA);
        Booking second = bookings.book(at(seats, day, 11));
        assertThat(refusal(() -> bookings.book(at(seats, day, 12)))).isEqualTo(BookingRefusal.QUOTA);

        bookings.cancel(bookingId);

        d = days.find(id).orElseThrow();
        assertThat(d.getInteger("minutes")).isEqualTo(60);
        assertThat(d.getList("owners", Document.class)).extracting(o -> o.getString("b"))
                .containsExactly(second.id());
        assertThat(bookings.book(at(seats, day, 10)).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void person_days_of_past_days_are_deleted_once_a_day() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        String old = unique("pd-past");
        String recent = unique("pd-yesterday");
        days.take(old, today.minusDays(2), List.of("k"), 60, 0, "b", clock.instant());
        days.take(recent, today.minusDays(1), List.of("k"), 60, 0, "b", clock.instant());

        sweep.forgetPastDays();

        assertThat(days.find(old)).isEmpty();
        assertThat(days.find(recent)).isPresent();
    }

    /** A confirmed booking as the version before decision 0068 stored it: holds and day counter apart. */
    private String earlierBooking(Bookable b, String person, LocalDate day, int hour) {
        String id = "bk-old-" + UUID.randomUUID();
        String key = person + "|" + b.branchId() + "|" + b.kind() + "|" + day + "|" + LocalTime.of(hour, 0);
        String dayQuota = "day|" + person + "|" + b.branchId() + "|" + b.kind() + "|" + day;
        database.getCollection(PersonHolds.COLLECTION).insertOne(new Document("_id", key).append("bookingId", id));
        assertThat(quotas.take(dayQuota, QuotaCounters.MINUTES, 60, 120)).isTrue();
        var start = day.atTime(hour, 0).atZone(Formats.SEOUL).toInstant();
        var slot = SlotTimes.key(b.id(), day, LocalTime.of(hour, 0));
        database.getCollection(BookingRepository.COLLECTION).insertOne(new Document("_id", id)
                .append("bookableId", b.id()).append("branchId", b.branchId()).append("kind", b.kind().name())
                .append("accountId", person).append("participantId", person).append("date", day.toString())
                .append("start", LocalTime.of(hour, 0).toString()).append("end", LocalTime.of(hour + 1, 0).toString())
                .append("startAt", Date.from(start)).append("endAt", Date.from(start.plus(Duration.ofHours(1))))
                .append("presentFrom", Date.from(start)).append("status", BookingStatus.CONFIRMED.name())
                .append("groupSize", 1).append("code", "OLD" + id.substring(7, 12)).append("createdAt",
                        Date.from(clock.instant())).append("checkedInAt", null).append("slots", List.of(slot.id()))
                .append("holds", List.of(key)).append("quotaDay", dayQuota).append("quotaMonth", null)
                .append("minutes", 60).append("quotaHeld", true).append("mailsOwed", List.of()));
        return id;
    }

    private BaeumUser citizen() {
        return accounts.citizen(unique("pd") + "@test.baeum", "사람", LocalDate.of(1990, 1, 1));
    }

    private static BookingRequest at(Bookable b, LocalDate day, int hour) {
        return new BookingRequest(b.id(), day, LocalTime.of(hour, 0), null, null, 0, null);
    }

    private static BookingRefusal refusal(Runnable r) {
        try {
            r.run();
        } catch (BookingRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }
}
