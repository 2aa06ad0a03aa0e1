package org.baeum.base.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded server with its H2 file store, as the portal runs by default, for a contract test class:
 * {@code @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();}, then {@code STORE.database()}.
 */
public final class EmbeddedStore implements BeforeAllCallback, AfterAllCallback {

    private Path dataDir;
    private EmbeddedMongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("baeum-store");
        server = EmbeddedMongoServer.start(new MongoSettings("", "baeum", dataDir, 0, Duration.ofSeconds(5),
                MongoSettings.EmbeddedStore.H2));
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        client.close();
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public MongoDatabase database() {
        return client.getDatabase("baeum");
    }
}
