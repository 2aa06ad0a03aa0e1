package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code bookings} collection (decision 0042). Besides the {@link Booking} fields a document keeps the ledger
 * slots it holds ({@code slots}), the quota counters it took ({@code quotaDay}, {@code quotaMonth}, {@code minutes}),
 * the instants the no-show job compares ({@code startAt}, {@code endAt}, {@code presentFrom}), {@code settled}:
 * false from the moment it stops being active until its slots and quota went back (the sweep finishes that), and
 * {@code mailsOwed}: the mails the household is owed and not yet queued ({@code [{mail, at}]}, written with the change
 * that owes them, taken away once queued; the sweep queues what a crash left, {@link BookingMail#recover}).
 */
@Repository
class BookingRepository {

    static final String COLLECTION = "bookings";
    static final List<String> ACTIVE = Arrays.stream(BookingStatus.values()).filter(BookingStatus::active)
            .map(Enum::name).toList();

    private final MongoCollection<Document> bookings;

    BookingRepository(MongoDatabase database) {
        this.bookings = database.getCollection(COLLECTION);
        bookings.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code_unique"));
        bookings.createIndex(Indexes.ascending("accountId", "date"), new IndexOptions().name("household_day"));
        bookings.createIndex(Indexes.ascending("bookableId", "date"), new IndexOptions().name("bookable_day"));
        bookings.createIndex(Indexes.ascending("status", "presentFrom"), new IndexOptions().name("no_show_due"));
        bookings.createIndex(Indexes.ascending("settled", "endedAt"), new IndexOptions().name("unsettled"));
        bookings.createIndex(Indexes.ascending("mailsOwed.at"), new IndexOptions().name("mails_owed"));
        bookings.createIndex(Indexes.ascending("branchId", "date"), new IndexOptions().name("branch_day"));
        // activeBetween without resources and the desk's day list: by day, then status
        bookings.createIndex(Indexes.ascending("date", "status"), new IndexOptions().name("day_status"));
        // an account deletion finds a participant's bookings booked under another account (a club's) too
        bookings.createIndex(Indexes.ascending("participantId"), new IndexOptions().name("participant"));
    }

    void insert(Document booking) {
        bookings.insertOne(booking);
    }

    /** Inserts the bookings in one command (unordered: each refused alone, the others stored). */
    void insertAll(List<Document> many) {
        bookings.insertMany(many, new com.mongodb.client.model.InsertManyOptions().ordered(false));
    }

    Optional<Document> findById(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(bookings.find(eq("_id", id)).first());
    }

    Optional<Document> findByCode(String code) {
        return Optional.ofNullable(bookings.find(eq("code", code)).first());
    }

    /** Start and end of the active bookings of a resource on a day, nothing else: what the grid counts. */
    List<SlotTimes.Span> activeTimesOn(String bookableId, LocalDate date) {
        List<SlotTimes.Span> spans = new ArrayList<>();
        for (Document d : bookings.find(and(eq("bookableId", bookableId), eq("date", date.toString()),
                in("status", ACTIVE))).projection(Projections.include("start", "end"))) {
            spans.add(new SlotTimes.Span(LocalTime.parse(d.getString("start")), LocalTime.parse(d.getString("end"))));
        }
        return spans;
    }

    List<Document> onDay(String bookableId, LocalDate date) {
        return bookings.find(and(eq("bookableId", bookableId), eq("date", date.toString())))
                .sort(Sorts.ascending("start", "createdAt")).into(new ArrayList<>());
    }

    /** Active bookings of a branch (or all branches) on a day, for the desk. */
    List<Document> activeInBranchesOn(LocalDate date, int limit) {
        return bookings.find(and(eq("date", date.toString()), in("status", ACTIVE)))
                .sort(Sorts.ascending("start", "bookableId")).limit(limit).into(new ArrayList<>());
    }

    List<Document> ofHousehold(String accountId, LocalDate from, int limit) {
        return bookings.find(and(eq("accountId", accountId), gte("date", from.toString())))
                .sort(Sorts.ascending("date", "start", "createdAt")).limit(limit).into(new ArrayList<>());
    }

    /** Requests waiting for STAFF from {@code from} on (older ones are ended by the sweep at their start). */
    List<Document> requested(LocalDate from, int limit) {
        return bookings.find(and(eq("status", BookingStatus.REQUESTED.name()), gte("date", from.toString())))
                .sort(Sorts.ascending("createdAt")).limit(limit).into(new ArrayList<>());
    }

    /** Requests nobody decided before their start ({@code presentFrom} is at the latest the start). */
    List<Document> requestedStartedBefore(Instant now, int limit) {
        return bookings.find(and(eq("status", BookingStatus.REQUESTED.name()), lte("presentFrom", Date.from(now)),
                lte("startAt", Date.from(now)))).limit(limit).into(new ArrayList<>());
    }

    /** Active bookings of these resources between two days (inclusive), by day and start; all of them, uncapped. */
    Iterable<Document> activeBetween(Collection<String> bookableIds, LocalDate first, LocalDate last) {
        List<Bson> filter = new ArrayList<>(List.of(gte("date", first.toString()), lte("date", last.toString()),
                in("status", ACTIVE)));
        if (bookableIds != null) {
            filter.add(in("bookableId", bookableIds));
        }
        return bookings.find(and(filter)).sort(Sorts.ascending("date", "start", "bookableId"));
    }

    /** Active bookings of a resource from a day on (for a change of its units or hours). */
    List<Document> activeFrom(String bookableId, LocalDate from) {
        return bookings.find(and(eq("bookableId", bookableId), gte("date", from.toString()), in("status", ACTIVE)))
                .into(new ArrayList<>());
    }

    /**
     * Moves a booking from one of {@code from} to {@code to} in one guarded update, with the extra fields; empty when
     * it is no longer in one of {@code from} (someone else moved it first). Leaving the active statuses starts the
     * settling ({@code settled: false}).
     */
    Optional<Document> transition(String id, List<BookingStatus> from, BookingStatus to, Document extra, Instant now) {
        return transition(id, from, to, extra, now, null);
    }

    /** As {@link #transition(String, List, BookingStatus, Document, Instant)}, owing the household a mail too. */
    Optional<Document> transition(String id, List<BookingStatus> from, BookingStatus to, Document extra, Instant now,
                                  String mailOwed) {
        Document set = new Document("status", to.name()).append("updatedAt", Date.from(now));
        if (extra != null) {
            set.putAll(extra);
        }
        if (!to.active()) {
            set.append("settled", false).append("endedAt", Date.from(now));
        }
        Document update = new Document("$set", set);
        if (mailOwed != null) {
            update.append("$push", new Document("mailsOwed", owed(mailOwed, now)));
        }
        return Optional.ofNullable(bookings.findOneAndUpdate(
                and(eq("_id", id), in("status", from.stream().map(Enum::name).toList())), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** An entry of {@code mailsOwed}: which mail ({@link BookingMail}'s event name), owed since when. */
    static Document owed(String mail, Instant at) {
        return new Document("mail", mail).append("at", Date.from(at));
    }

    /** The mail was queued: no longer owed. */
    void mailed(String id, String mail) {
        bookings.updateOne(eq("_id", id), new Document("$pull", new Document("mailsOwed", new Document("mail", mail))));
    }

    /** Takes each booking's mail off {@code mailsOwed}: one command for all of them (a batch of new bookings' mails). */
    void mailedAll(List<java.util.Map.Entry<String, String>> bookingAndMail) {
        if (bookingAndMail.isEmpty()) {
            return;
        }
        bookings.bulkWrite(bookingAndMail.stream().map(e -> new com.mongodb.client.model.UpdateOneModel<Document>(
                eq("_id", e.getKey()), new Document("$pull", new Document("mailsOwed", new Document("mail", e.getValue())))))
                .toList(), new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /** Bookings owing a mail since before {@code before}. */
    List<Document> owingMailSince(Instant before, int limit) {
        return bookings.find(lte("mailsOwed.at", Date.from(before))).limit(limit).into(new ArrayList<>());
    }

    /** Takes the right to give the quota back, once: true for the one caller that did. */
    boolean takeQuotaBack(String id) {
        return bookings.updateOne(and(eq("_id", id), eq("quotaHeld", true)),
                new Document("$set", new Document("quotaHeld", false))).getModifiedCount() == 1;
    }

    /** Moves a booking of the earlier form onto its person-day document (decision 0068), once. */
    boolean adopted(String id, String personDay, int dayMinutes) {
        return bookings.updateOne(and(eq("_id", id), com.mongodb.client.model.Filters.exists("personDay", false)),
                new Document("$set", new Document("personDay", personDay).append("dayMinutes", dayMinutes)
                        .append("quotaDay", null))).getModifiedCount() == 1;
    }

    void settled(String id) {
        bookings.updateOne(eq("_id", id), new Document("$set", new Document("settled", true)));
    }

    /** Confirmed bookings whose check-in time ran out before {@code cutoff}. */
    List<Document> confirmedPresentBefore(Instant cutoff, int limit) {
        return bookings.find(and(eq("status", BookingStatus.CONFIRMED.name()), lte("presentFrom", Date.from(cutoff))))
                .limit(limit).into(new ArrayList<>());
    }

    /** Ended bookings whose slots or quota may not have gone back yet, ended before {@code before}. */
    List<Document> unsettled(Instant before, int limit) {
        return bookings.find(and(eq("settled", false), lte("endedAt", Date.from(before)))).limit(limit)
                .into(new ArrayList<>());
    }

    /** Every booking of a household or of one of its participants, past ones too; uncapped, through the cursor. */
    Iterable<Document> ofPeople(String accountId, Collection<String> participantIds) {
        return bookings.find(com.mongodb.client.model.Filters.or(eq("accountId", accountId),
                in("participantId", participantIds)));
    }

    /**
     * Replaces a deleted account's ids in one booking, guarded on the old ones (a rerun changes nothing): booker and
     * user by opaque ids, the purpose and whatever names the person ({@code holds}, quota counter ids) removed.
     */
    boolean anonymise(String id, String oldAccount, String oldParticipant, String newAccount, String newParticipant,
                      List<String> byFields) {
        Document set = new Document("accountId", newAccount).append("participantId", newParticipant)
                .append("holds", List.of()).append("quotaDay", null).append("quotaMonth", null).append("personDay", null)
                .append("anonymised", true);
        byFields.forEach(f -> set.append(f, newAccount));
        Bson guard = and(eq("_id", id), eq("accountId", oldAccount), eq("participantId", oldParticipant));
        return bookings.updateOne(guard, new Document("$set", set).append("$unset", new Document("purpose", "")))
                .getModifiedCount() == 1;
    }

    boolean exists(String accountId, String bookableId) {
        return bookings.find(and(eq("accountId", accountId), eq("bookableId", bookableId))).limit(1).first() != null;
    }

    /**
     * {@link org.baeum.booking.Bookings#within}: the active bookings between two days of one resource, of the
     * resources in a catalog room, of a branch's, or of all; overlapping {@code from}–{@code to} when given. Every
     * match is read through the cursor (a closure must never see a partial list); codes masked.
     */
    List<Booking> within(List<org.baeum.booking.Bookable> all, String branchId, String roomId, String bookableId,
                         LocalDate firstDay, LocalDate lastDay, LocalTime from, LocalTime to) {
        Collection<String> ids = null;
        if (bookableId != null) {
            ids = List.of(bookableId);
        } else if (roomId != null || branchId != null) {
            ids = new java.util.LinkedHashSet<>();
            for (org.baeum.booking.Bookable b : all) {
                if (roomId != null ? roomId.equals(b.roomId()) : branchId.equals(b.branchId())) {
                    ids.add(b.id());
                }
            }
        }
        List<Booking> found = new ArrayList<>();
        for (Document d : activeBetween(ids, firstDay, lastDay)) {
            Booking b = toBooking(d).masked();
            if (from == null || to == null || b.start().isBefore(to) && b.end().isAfter(from)) {
                found.add(b);
            }
        }
        return found;
    }

    static Booking toBooking(Document d) {
        return new Booking(d.getString("_id"), d.getString("bookableId"), d.getString("branchId"),
                d.getString("accountId"), d.getString("participantId"), LocalDate.parse(d.getString("date")),
                LocalTime.parse(d.getString("start")), LocalTime.parse(d.getString("end")),
                BookingStatus.valueOf(d.getString("status")), d.getString("code"), d.getInteger("groupSize", 1),
                d.getString("clubId"), d.getString("purpose"), instant(d, "createdAt"), instant(d, "checkedInAt"));
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static List<String> slots(Document d) {
        return d.getList("slots", String.class, List.of());
    }
}
