package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.account.AccountEvents;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Counters;
import org.baeum.capacity.ResourceKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** A deleted account's bookings: the active one cancelled and settled, all of them anonymised (decision 0042). */
@BaeumIntegrationTest
class BookingDeletionTest {

    @Autowired
    Bookings bookings;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    QuotaCounters quotas;
    @Autowired
    PersonDays days;
    @Autowired
    NoShowStore marks;
    @Autowired
    CapacityLedger ledger;
    @Autowired
    BookingPrivacy privacy;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void deleting_the_account_cancels_its_booking_frees_slot_and_quota_and_leaves_nothing_that_leads_back() {
        Bookable seats = fixture.seats("bd-seats-" + UUID.randomUUID().toString().substring(0, 6), 2, 120, 5);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = accounts.citizen("bd-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum",
                "삭제자", LocalDate.of(1990, 1, 1));
        String id = citizen.accountId();
        TestAccounts.signIn(citizen);
        Booking booked = bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(10, 0), null, null, 0,
                "공부 모임"));
        ResourceKey slot = SlotTimes.key(seats.id(), day, LocalTime.of(10, 0));
        String dayQuota = PersonDays.id(id, seats.branchId(), BookableKind.DIGITAL_SEAT.name(), day);
        String monthQuota = QuotaCounters.monthId(id, seats.branchId(), BookableKind.DIGITAL_SEAT, day);
        assertThat(ledger.counters(slot)).map(Counters::taken).contains(1);
        assertThat(days.minutes(dayQuota)).contains(60);
        assertThat(quotas.value(monthQuota, QuotaCounters.BOOKINGS)).contains(1);
        String past = pastNoShow(seats, id, fixture.today().minusDays(3));
        assertThat(marks.marksFrom(id, fixture.today().minusDays(30))).hasSize(1);
        assertThat(privacy.personalData(id).get("bookings")).extracting(r -> r.get("code"), r -> r.get("status"))
                .contains(org.assertj.core.groups.Tuple.tuple(booked.code(), "CONFIRMED"));

        deleteAccount(id);

        Document cancelled = stored(booked.id());
        assertThat(cancelled.getString("status")).isEqualTo(BookingStatus.CANCELLED.name());
        assertThat(cancelled.getBoolean("settled")).isTrue();
        assertThat(cancelled.getBoolean("quotaHeld")).isFalse();
        assertThat(cancelled.getString("date")).isEqualTo(day.toString());
        assertThat(cancelled.getString("bookableId")).isEqualTo(seats.id());
        assertThat(cancelled.containsKey("purpose")).isFalse();
        assertThat(ledger.counters(slot)).map(c -> List.of(c.taken(), c.left())).contains(List.of(0, 2));
        // the counters were given back, then deleted with the person's other traces
        assertThat(days.minutes(dayQuota)).isEmpty();
        assertThat(quotas.value(monthQuota, QuotaCounters.BOOKINGS)).isEmpty();
        assertThat(marks.marksFrom(id, fixture.today().minusDays(30))).isEmpty();
        Document noShow = stored(past);
        assertThat(noShow.getString("status")).isEqualTo(BookingStatus.NO_SHOW.name());
        // one opaque id for the person across their bookings, neither the old id nor anything containing it
        assertThat(noShow.getString("participantId")).isEqualTo(cancelled.getString("participantId"))
                .startsWith("anon-");
        for (Document d : List.of(cancelled, noShow)) {
            assertThat(values(d)).noneMatch(v -> v.contains(id));
        }
        for (String collection : List.of(NoShowStore.MARKS, PersonHolds.COLLECTION, QuotaCounters.COLLECTION,
                PersonDays.COLLECTION)) {
            for (Document d : database.getCollection(collection).find()) {
                assertThat(values(d)).as(collection).noneMatch(v -> v.contains(id));
            }
        }
        assertThat(privacy.personalData(id).get("bookings")).isEmpty();

        deleteAccount(id); // a second event changes nothing

        assertThat(stored(booked.id())).isEqualTo(cancelled);
        assertThat(stored(past)).isEqualTo(noShow);
        assertThat(ledger.counters(slot)).map(Counters::taken).contains(0);
    }

    private void deleteAccount(String id) {
        events.publishEvent(new AccountEvents.AccountDeleted(new AccountId(id), List.of(new ParticipantId(id))));
    }

    /** A settled no-show of days ago with its mark, as the sweep leaves one. */
    private String pastNoShow(Bookable b, String person, LocalDate day) {
        String id = UUID.randomUUID().toString();
        Instant at = day.atTime(9, 0).atZone(org.baeum.base.i18n.Formats.SEOUL).toInstant();
        database.getCollection(BookingRepository.COLLECTION).insertOne(new Document("_id", id)
                .append("bookableId", b.id()).append("branchId", b.branchId()).append("kind", b.kind().name())
                .append("accountId", person).append("participantId", person).append("date", day.toString())
                .append("start", "09:00").append("end", "10:00").append("startAt", Date.from(at))
                .append("endAt", Date.from(at.plusSeconds(3600))).append("status", BookingStatus.NO_SHOW.name())
                .append("code", "T" + id.substring(0, 8)).append("purpose", "비밀").append("settled", true)
                .append("createdAt", Date.from(at)).append("holds", List.of()).append("slots", List.of()));
        assertThat(marks.mark(id, person, person, day, at)).isTrue();
        return id;
    }

    private Document stored(String bookingId) {
        return database.getCollection(BookingRepository.COLLECTION).find(eq("_id", bookingId)).first();
    }

    /** Every string stored in a document, its id and nested lists and documents included. */
    private static List<String> values(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Map<?, ?> m) {
            m.values().forEach(v -> out.addAll(values(v)));
        } else if (o instanceof Iterable<?> list) {
            list.forEach(v -> out.addAll(values(v)));
        } else if (o != null) {
            out.add(o.toString());
        }
        return out;
    }
}
