package org.baeum.base.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "mongo": a ping to the database in use. */
@Component("mongo")
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoSettings settings;

    MongoHealthIndicator(MongoDatabase database, MongoSettings settings) {
        super("MongoDB health check failed");
        this.database = database;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName())
                .withDetail("embedded", settings.embedded());
    }
}
