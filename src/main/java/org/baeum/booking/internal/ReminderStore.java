package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.baeum.base.scheduling.DueWork;
import org.baeum.booking.BookingStatus;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Booking reminders as due work (decision 0050, the pattern of 0014), in {@code booking_reminders}: one item per
 * household and day ({@code day:<accountId>:<date>}, the grouped mail the day before) and one per booking
 * ({@code soon:<bookingId>}, the mail before its start). The id makes planning the same reminder twice add nothing;
 * done items are deleted a fortnight later (TTL on {@code doneAt}), as they name the household.
 * It also reads the {@code bookings} collection for what reminders need, and marks a booking planned
 * ({@code remindersPlanned}, a field nothing else reads), so the hot path's classes stay as they are.
 */
@Repository
class ReminderStore {

    static final String COLLECTION = "booking_reminders";
    static final String DAY = "day";
    static final String SOON = "soon";
    /** Longer than one item's work (an account read and one outbox write). */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** A claimed item: {@code kind} {@link #DAY} names a household and date, {@link #SOON} a booking. */
    record Item(String id, String kind, String accountId, LocalDate date, String bookingId, Instant startAt) {
    }

    private final MongoCollection<Document> items;
    private final MongoCollection<Document> bookings;
    private final DueWork<Document> work;

    ReminderStore(MongoDatabase database, Clock clock) {
        this.items = database.getCollection(COLLECTION);
        this.bookings = database.getCollection(BookingRepository.COLLECTION);
        this.work = new DueWork<>(items, clock, LEASE);
        items.createIndex(Indexes.ascending(DueWork.DONE_AT),
                new IndexOptions().name("done_ttl").expireAfter(14L, TimeUnit.DAYS));
    }

    /** Adds the day-before item of a household's day unless it exists; true when this call added it. */
    boolean planDay(String accountId, LocalDate date, Instant dueAt) {
        return insertOnce(DAY + ":" + accountId + ":" + date, DueWork.pending(dueAt).append("kind", DAY)
                .append("accountId", accountId).append("date", date.toString()));
    }

    /** Adds the before-start item of a booking unless it exists; true when this call added it. */
    boolean planSoon(String bookingId, String accountId, Instant startAt, Instant dueAt) {
        return insertOnce(SOON + ":" + bookingId, DueWork.pending(dueAt).append("kind", SOON)
                .append("accountId", accountId).append("bookingId", bookingId).append("startAt", Date.from(startAt)));
    }

    private boolean insertOnce(String id, Document item) {
        try {
            items.insertOne(item.append("_id", id));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    List<Object> dueIds(int max) {
        return work.dueIds(max);
    }

    Optional<Item> claim(Object id, String owner) {
        return work.claim(id, owner).map(ReminderStore::item);
    }

    boolean complete(String id, String owner) {
        return work.complete(id, owner);
    }

    boolean retry(String id, String owner, Instant nextDue, String error) {
        return work.retry(id, owner, nextDue, error);
    }

    long pending() {
        return work.count(DueWork.Status.PENDING);
    }

    long deleteOf(String accountId) {
        return items.deleteMany(eq("accountId", accountId)).getDeletedCount();
    }

    private static Item item(Document d) {
        String date = d.getString("date");
        Date startAt = d.getDate("startAt");
        return new Item(d.getString("_id"), d.getString("kind"), d.getString("accountId"),
                date == null ? null : LocalDate.parse(date), d.getString("bookingId"),
                startAt == null ? null : startAt.toInstant());
    }

    /**
     * Confirmed citizens' bookings (no learning club's) between two days, inclusive, whose reminders are not planned
     * yet; requests waiting for STAFF are not confirmed, so they get none until approved.
     */
    List<Document> unplanned(LocalDate first, LocalDate last, int limit) {
        return bookings.find(and(gte("date", first.toString()), lte("date", last.toString()),
                eq("status", BookingStatus.CONFIRMED.name()), eq("clubId", null), exists("remindersPlanned", false)))
                .sort(Sorts.ascending("date", "start")).limit(limit).into(new ArrayList<>());
    }

    void planned(String bookingId) {
        bookings.updateOne(eq("_id", bookingId), new Document("$set", new Document("remindersPlanned", true)));
    }

    /** A household's confirmed bookings of a day (no learning club's), by start: what its day-before mail lists. */
    List<Document> confirmedOn(String accountId, LocalDate date) {
        return bookings.find(and(eq("accountId", accountId), eq("date", date.toString()),
                eq("status", BookingStatus.CONFIRMED.name()), eq("clubId", null)))
                .sort(Sorts.ascending("start", "bookableId")).into(new ArrayList<>());
    }

    Optional<Document> booking(String id) {
        return Optional.ofNullable(bookings.find(eq("_id", id)).first());
    }
}
