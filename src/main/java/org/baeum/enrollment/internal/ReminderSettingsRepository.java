package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The class-reminder setting STAFF change ({@code enrollment_reminder_settings}, document {@code class-reminders}):
 * the hour (Asia/Seoul) of the evening before a session at which reminders go out; {@link #DEFAULT_HOUR} until STAFF
 * change it.
 */
@Repository
public class ReminderSettingsRepository {

    public static final String COLLECTION = "enrollment_reminder_settings";
    public static final int DEFAULT_HOUR = 18;
    private static final String ID = "class-reminders";

    private final MongoCollection<Document> settings;

    ReminderSettingsRepository(MongoDatabase database) {
        this.settings = database.getCollection(COLLECTION);
    }

    int hour() {
        Document d = settings.find(eq("_id", ID)).first();
        return d == null || d.getInteger("hour") == null ? DEFAULT_HOUR : d.getInteger("hour");
    }

    void saveHour(int hour, String by, Instant at) {
        settings.replaceOne(eq("_id", ID), new Document("_id", ID).append("hour", hour).append("changedBy", by)
                .append("changedAt", Date.from(at)), new ReplaceOptions().upsert(true));
    }
}
