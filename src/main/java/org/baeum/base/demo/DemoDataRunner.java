package org.baeum.base.demo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates demo data on the first start of an empty database, never on a database that holds anything.
 * A marker document ({@code system/demo-data}) makes this safe when two instances start together (one
 * wins the insert) and when a start is interrupted (status stays "seeding" and the next start finishes).
 */
@Component
@Order(100)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);
    static final String SYSTEM = "baeum_system";
    static final String MARKER = "demo-data";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final DemoSettings settings;
    private final MongoDatabase database;
    private final List<DemoDataContributor> contributors;
    private final Clock clock;

    DemoDataRunner(DemoSettings settings, MongoDatabase database, List<DemoDataContributor> contributors, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            log.info("Demo data: off (BAEUM_DEMO_DATA=false)");
            return;
        }
        MongoCollection<Document> system = database.getCollection(SYSTEM);
        Document marker = system.find(eq("_id", MARKER)).first();
        if (marker == null) {
            if (!databaseIsEmpty()) {
                log.info("Demo data: not created, the database already holds data");
                return;
            }
            try {
                MongoErrors.translate(() -> system.insertOne(new Document("_id", MARKER).append("status", "seeding")
                        .append("startedAt", java.util.Date.from(clock.instant()))));
            } catch (DuplicateKeyException e) {
                log.info("Demo data: another instance is creating it");
                return;
            }
        } else if ("done".equals(marker.getString("status"))) {
            return;
        } else {
            log.info("Demo data: an earlier start was interrupted; completing it");
        }
        boolean random = settings.password().isEmpty();
        String password = random ? randomPassword() : settings.password();
        var context = new DemoDataContributor.DemoContext(password);
        for (DemoDataContributor contributor : contributors) {
            contributor.contribute(context);
        }
        system.updateOne(eq("_id", MARKER), com.mongodb.client.model.Updates.combine(
                set("status", "done"), set("doneAt", java.util.Date.from(Instant.now(clock)))));
        if (random) {
            // Printed once, on purpose: the newcomer needs it to sign in. It is never stored in clear.
            log.warn("Demo data created. Demo accounts: citizen, instructor, staff, admin — password (shown only now): {}",
                    password);
        } else {
            log.info("Demo data created. Demo accounts: citizen, instructor, staff, admin — password from BAEUM_DEMO_PASSWORD");
        }
    }

    /**
     * The portal's own housekeeping, written at start-up before any data (the link secret in {@code baeum_system}, job
     * runs, used links, sign-in and sign-up counters, the class reminders' coming days that their job schedules as soon
     * as the scheduler starts, which on a busy machine is before this runner): a database holding only these is still
     * empty of data.
     */
    static final java.util.Set<String> HOUSEKEEPING = java.util.Set.of(SYSTEM, "job_runs", "used_links", "login_attempts",
            "signup_attempts", "enrollment_reminder_days");

    private boolean databaseIsEmpty() {
        for (String name : database.listCollectionNames()) {
            if (!HOUSEKEEPING.contains(name) && database.getCollection(name).find().limit(1).first() != null) {
                return false;
            }
        }
        return true;
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
