package org.baeum.base.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code BAEUM_MONGO_URI} is set: mongo-java-server with
 * its H2 file backend, bound to 127.0.0.1 only. A second portal instance on the same machine can share it by
 * setting {@code BAEUM_MONGO_URI} to {@link #connectionString()} (fix the port with
 * {@code BAEUM_MONGO_EMBEDDED_PORT}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String FILE_NAME = "baeum.mv.db";

    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongoServer(MongoBackend backend, int port, String description) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw new StartupProblem("The embedded database could not listen on 127.0.0.1:" + port + ": "
                    + e.getMessage(), "Free that port, or set BAEUM_MONGO_EMBEDDED_PORT to another one (0 picks a free port).", e);
        }
        this.address = server.getLocalAddress();
        this.description = description;
    }

    public static EmbeddedMongoServer start(MongoSettings settings) {
        if (settings.embeddedStore() == MongoSettings.EmbeddedStore.MEMORY) {
            return new EmbeddedMongoServer(new MemoryBackend(), settings.embeddedPort(), "in memory, nothing is kept");
        }
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        prepareDataDir(dir, file);
        MongoBackend backend;
        try {
            backend = CommittingH2Backend.open(file);
        } catch (RuntimeException e) {
            throw new StartupProblem("The embedded database file " + file + " could not be opened: " + rootMessage(e),
                    "If another Baeum process uses this data folder, stop it or set BAEUM_DATA_DIR to another folder; "
                            + "a second instance can share the first one's database through BAEUM_MONGO_URI.", e);
        }
        return new EmbeddedMongoServer(backend, settings.embeddedPort(), "H2 file " + file);
    }

    private static void prepareDataDir(Path dir, Path file) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new StartupProblem("The data folder " + dir + " cannot be created: " + rootMessage(e),
                    "Set BAEUM_DATA_DIR to a folder this user can write, or create it and give write permission.", e);
        }
        boolean writable = Files.isDirectory(dir) && Files.isWritable(dir) && (!Files.exists(file) || Files.isWritable(file));
        if (!writable) {
            throw new StartupProblem("The data folder " + dir + " is not writable.",
                    "Set BAEUM_DATA_DIR to a folder this user can write, or give write permission on it.", null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
        log.info("Embedded database stopped ({})", description);
    }
}
