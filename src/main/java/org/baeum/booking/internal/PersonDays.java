package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.GuardedUpsert;
import org.baeum.booking.Bookable;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * A person's bookings of one kind at one branch on one day, in one document of {@code booking_days} (decision 0068):
 * the slots they hold ({@code held}: the keys of {@link PersonHolds#keys}, one unit per person per slot), the minutes
 * they booked ({@code minutes}, the day's quota), and per booking what it took ({@code owners: [{b, k, m}]}).
 * {@code _id} = {@code participant|branch|kind|date}.
 *
 * <p>Taking is one guarded upsert: "none of these keys held, and the minutes stay within the limit"; so a booking's
 * hold and day quota cost one write, and parallel requests of one person never pass either. {@code at} is the time of
 * the last take: the sweep reads the documents taken more than its grace ago and gives back what a booking that never
 * got stored took (a crash between this write and the booking's insert), then clears {@code at}
 * ({@link BookingSweep#recoverDays}).
 */
@Repository
class PersonDays {

    static final String COLLECTION = "booking_days";

    /** What {@link #take} answers. */
    enum Taken { TAKEN, HELD, QUOTA }

    private final MongoCollection<Document> days;

    PersonDays(MongoDatabase database) {
        this.days = database.getCollection(COLLECTION);
        days.createIndex(Indexes.ascending("at"), new IndexOptions().name("day_at").sparse(true));
        days.createIndex(Indexes.ascending("date"), new IndexOptions().name("day_date"));
    }

    static String id(String participantId, Bookable b, LocalDate date) {
        return id(participantId, b.branchId(), b.kind().name(), date);
    }

    static String id(String participantId, String branchId, String kind, LocalDate date) {
        return participantId + "|" + branchId + "|" + kind + "|" + date;
    }

    /**
     * Takes the keys and {@code minutes} for {@code bookingId} in one guarded write: {@link Taken#HELD} when the person
     * holds one of the keys already, {@link Taken#QUOTA} when the minutes would pass {@code limit} (0: no limit); in
     * both cases nothing changed ({@link GuardedUpsert}: a document that does not exist yet is created).
     */
    Taken take(String id, LocalDate date, List<String> keys, int minutes, int limit, String bookingId, Instant now) {
        if (limit > 0 && minutes > limit) {
            return Taken.QUOTA;
        }
        List<Bson> guards = new ArrayList<>(List.of(eq("_id", id), nin("held", keys)));
        if (limit > 0) {
            guards.add(lte("minutes", limit - minutes));
        }
        Bson guard = and(guards);
        Document update = new Document("$inc", new Document("minutes", minutes))
                .append("$push", new Document("held", new Document("$each", keys))
                        .append("owners", owner(bookingId, keys, minutes)))
                .append("$set", new Document("at", Date.from(now)).append("date", date.toString()));
        if (GuardedUpsert.apply(days, guard, update)) {
            return Taken.TAKEN;
        }
        // refused: say which guard did (only for the reason's wording; nothing was changed either way)
        Document stored = days.find(eq("_id", id)).first();
        List<String> held = stored == null ? List.of() : stored.getList("held", String.class, List.of());
        return keys.stream().anyMatch(held::contains) ? Taken.HELD : Taken.QUOTA;
    }

    private static Document owner(String bookingId, List<String> keys, int minutes) {
        return new Document("b", bookingId).append("k", keys).append("m", minutes);
    }

    /**
     * Gives back what {@code bookingId} took here, once (guarded on its owner entry): its keys, and its minutes when
     * {@code minutesBack}. Safe to repeat.
     */
    boolean release(String id, String bookingId, List<String> keys, int minutes, boolean minutesBack) {
        Document update = new Document("$pullAll", new Document("held", keys))
                .append("$pull", new Document("owners", new Document("b", bookingId)));
        if (minutesBack && minutes > 0) {
            update.append("$inc", new Document("minutes", -minutes));
        }
        return days.updateOne(and(eq("_id", id), eq("owners.b", bookingId)), update).getModifiedCount() == 1;
    }

    /** Gives {@code minutes} back (never below zero): for a booking whose keys were already released. */
    void giveBack(String id, int minutes) {
        if (minutes > 0) {
            days.updateOne(and(eq("_id", id), gte("minutes", minutes)), new Document("$inc",
                    new Document("minutes", -minutes)));
        }
    }

    /**
     * Moves a booking of the earlier form (holds in {@link PersonHolds}) here, once: its keys, and its minutes when
     * it still holds them; false when it was here already.
     */
    boolean adopt(String id, LocalDate date, String bookingId, List<String> keys, int minutes) {
        Document update = new Document("$inc", new Document("minutes", minutes))
                .append("$addToSet", new Document("held", new Document("$each", keys)))
                .append("$push", new Document("owners", owner(bookingId, keys, minutes)))
                .append("$set", new Document("date", date.toString()));
        return GuardedUpsert.apply(days, and(eq("_id", id), ne("owners.b", bookingId)), update);
    }

    /** Documents with a take older than {@code before}, for the sweep. */
    List<Document> takenBefore(Instant before, int limit) {
        return days.find(lte("at", Date.from(before))).limit(limit).into(new ArrayList<>());
    }

    /** Marks a document seen by the sweep, unless a take came after the one it saw. */
    void seen(String id, Date at) {
        days.updateOne(and(eq("_id", id), eq("at", at)), new Document("$unset", new Document("at", "")));
    }

    /** Deletes the documents of days before {@code day}: nothing reads them once their day is over. */
    long deleteBefore(LocalDate day) {
        return days.deleteMany(lt("date", day.toString())).getDeletedCount();
    }

    /** Deletes every document of a participant (their id leads each key); the count deleted. */
    long deleteOf(String participantId) {
        return days.deleteMany(com.mongodb.client.model.Filters.regex("_id",
                "^" + java.util.regex.Pattern.quote(participantId + "|"))).getDeletedCount();
    }

    /** The day's minutes booked, when the document exists. */
    Optional<Integer> minutes(String id) {
        return find(id).map(d -> d.getInteger("minutes", 0));
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(days.find(eq("_id", id)).first());
    }
}
