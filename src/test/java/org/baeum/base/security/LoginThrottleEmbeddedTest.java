package org.baeum.base.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.baeum.base.mongo.EmbeddedMongoServer;
import org.baeum.base.mongo.MongoSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The throttle contract on the embedded server with its H2 file store, as the portal runs by default. */
class LoginThrottleEmbeddedTest extends LoginThrottleContract {

    @TempDir
    static Path dataDir;
    static EmbeddedMongoServer server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.start(new MongoSettings("", "baeum", dataDir, 0, Duration.ofSeconds(5),
                MongoSettings.EmbeddedStore.H2));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    protected MongoDatabase database() {
        return client.getDatabase("baeum");
    }
}
