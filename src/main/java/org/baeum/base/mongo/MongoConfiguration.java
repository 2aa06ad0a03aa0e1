package org.baeum.base.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the embedded server when {@code BAEUM_MONGO_URI} is empty, otherwise the given MongoDB.
 * Start-up fails fast, in one line, when a configured server cannot be reached.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServerHolder embeddedMongoServer(MongoSettings settings) {
        return new EmbeddedServerHolder(settings.embedded() ? EmbeddedMongoServer.start(settings) : null);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings, EmbeddedServerHolder embedded) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(embedded.server()
                    .map(EmbeddedMongoServer::connectionString)
                    .orElse(settings.uri()));
        } catch (IllegalArgumentException e) {
            throw new StartupProblem("BAEUM_MONGO_URI is not a valid MongoDB connection string: " + e.getMessage(),
                    "Set BAEUM_MONGO_URI to a URI such as mongodb://host:27017/baeum, or leave it empty for the embedded database.", e);
        }
        long timeoutMs = settings.connectTimeout().toMillis();
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("baeum")
                .writeConcern(connection.getWriteConcern() != null ? connection.getWriteConcern() : WriteConcern.MAJORITY)
                .readConcern(connection.getReadConcern() != null ? connection.getReadConcern() : ReadConcern.DEFAULT)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE), TimeUnit.MILLISECONDS))
                .build();
        MongoClient client = MongoClients.create(clientSettings);
        try {
            client.getDatabase(databaseName(settings, connection)).runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            client.close();
            throw new StartupProblem("MongoDB at BAEUM_MONGO_URI (" + redacted(connection) + ") cannot be reached: "
                    + e.getClass().getSimpleName(),
                    "Check that the server runs and BAEUM_MONGO_URI is right, or leave BAEUM_MONGO_URI empty to use the embedded database.", e);
        }
        log.info("Database: {} (database '{}')", embedded.server()
                .map(s -> "embedded MongoDB-wire server on 127.0.0.1:" + s.port() + ", " + s.description())
                .orElse("MongoDB at " + redacted(connection)), databaseName(settings, connection));
        return client;
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        String name = settings.embedded() ? settings.database() : databaseName(settings, new ConnectionString(settings.uri()));
        return client.getDatabase(name);
    }

    /** The database named in the URI wins over {@code BAEUM_MONGO_DATABASE}, as operators expect. */
    static String databaseName(MongoSettings settings, ConnectionString connection) {
        return Optional.ofNullable(settings.embedded() ? null : connection.getDatabase()).orElse(settings.database());
    }

    /** Hosts only: never user names or passwords in a log line. */
    static String redacted(ConnectionString connection) {
        return String.join(",", connection.getHosts());
    }

    /** Holds the embedded server, or nothing when a real MongoDB is used. */
    record EmbeddedServerHolder(EmbeddedMongoServer server0) implements AutoCloseable {
        Optional<EmbeddedMongoServer> server() {
            return Optional.ofNullable(server0);
        }

        @Override
        public void close() {
            if (server0 != null) {
                server0.close();
            }
        }
    }
}
