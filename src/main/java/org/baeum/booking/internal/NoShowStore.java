package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.booking.NoShowRule;
import org.baeum.base.domain.ShortLived;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * No-show marks ({@code booking_marks}, one per booking: its {@code _id} is the booking's, so a rerun adds none) and the
 * no-show rule ({@code booking_settings}, document {@code no-show-rule}; the default until STAFF change it).
 */
@Repository
class NoShowStore {

    static final String MARKS = "booking_marks";
    static final String SETTINGS = "booking_settings";
    private static final String RULE_ID = "no-show-rule";

    private final MongoCollection<Document> marks;
    private final MongoCollection<Document> settings;

    /** The rule is read by every booking: at most every 5 s on this node (decision 0048). */
    private final ShortLived<NoShowRule> rule = new ShortLived<>(BookableRepository.READ_AGAIN, this::readRule);

    NoShowStore(MongoDatabase database) {
        this.marks = database.getCollection(MARKS);
        this.settings = database.getCollection(SETTINGS);
        marks.createIndex(Indexes.ascending("participantId", "day"), new IndexOptions().name("participant_day"));
    }

    /** Adds the mark of a booking; false when it was there already. */
    boolean mark(String bookingId, String participantId, String accountId, LocalDate day, Instant at) {
        try {
            marks.insertOne(new Document("_id", bookingId).append("participantId", participantId)
                    .append("accountId", accountId).append("day", day.toString()).append("at", Date.from(at)));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The days of a participant's marks from {@code from} on, oldest first (one entry per mark). */
    List<LocalDate> marksFrom(String participantId, LocalDate from) {
        List<LocalDate> days = new ArrayList<>();
        for (Document d : marks.find(and(eq("participantId", participantId), gte("day", from.toString())))
                .sort(Sorts.ascending("day"))) {
            days.add(LocalDate.parse(d.getString("day")));
        }
        return days;
    }

    /** Deletes every mark of these participants or of this booker; the count deleted. */
    long deleteOf(String accountId, java.util.Collection<String> participantIds) {
        return marks.deleteMany(com.mongodb.client.model.Filters.or(eq("accountId", accountId),
                com.mongodb.client.model.Filters.in("participantId", participantIds))).getDeletedCount();
    }

    NoShowRule rule() {
        return rule.get();
    }

    private NoShowRule readRule() {
        Document d = settings.find(eq("_id", RULE_ID)).first();
        if (d == null) {
            return NoShowRule.DEFAULT;
        }
        return new NoShowRule(d.getInteger("marks"), d.getInteger("windowDays"), d.getInteger("banDays"),
                d.getInteger("graceMinutes"));
    }

    void save(NoShowRule rule, String by, Instant at) {
        try {
            replaceRule(rule, by, at);
        } finally {
            this.rule.forget();
        }
    }

    private void replaceRule(NoShowRule rule, String by, Instant at) {
        settings.replaceOne(eq("_id", RULE_ID), new Document("_id", RULE_ID).append("marks", rule.marks())
                        .append("windowDays", rule.windowDays()).append("banDays", rule.banDays())
                        .append("graceMinutes", rule.graceMinutes()).append("changedBy", by).append("changedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }
}
