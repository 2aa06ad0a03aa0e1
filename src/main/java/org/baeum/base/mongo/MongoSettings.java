package org.baeum.base.mongo;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. An empty {@code uri} (the default) means: run the embedded MongoDB-wire server
 * with its H2 file store in {@code dataDir}.
 *
 * @param uri            {@code BAEUM_MONGO_URI}: a real MongoDB, e.g. a replica set; empty for embedded
 * @param database       {@code BAEUM_MONGO_DATABASE}: database name
 * @param dataDir        {@code BAEUM_DATA_DIR}: folder of the embedded server's H2 file
 * @param embeddedPort   {@code BAEUM_MONGO_EMBEDDED_PORT}: 0 for a random free port
 * @param connectTimeout {@code BAEUM_MONGO_CONNECT_TIMEOUT}: how long start-up waits for a real server
 * @param embeddedStore  {@code BAEUM_MONGO_EMBEDDED_STORE}: {@code h2} (a file, the default) or {@code memory}
 *                       (nothing kept; for tests and throw-away demos)
 */
@ConfigurationProperties("baeum.mongo")
public record MongoSettings(String uri, String database, Path dataDir, int embeddedPort, Duration connectTimeout,
                            EmbeddedStore embeddedStore) {

    public enum EmbeddedStore { H2, MEMORY }

    public MongoSettings {
        uri = uri == null ? "" : uri.trim();
        database = database == null || database.isBlank() ? "baeum" : database.trim();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        embeddedStore = embeddedStore == null ? EmbeddedStore.H2 : embeddedStore;
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
