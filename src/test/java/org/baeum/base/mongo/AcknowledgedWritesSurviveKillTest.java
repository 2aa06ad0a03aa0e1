package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the embedded server acknowledged is still there after the server process is killed with
 * SIGKILL right after the last acknowledgement (the stock H2 backend lost 17 to 932 of 1,000 here).
 */
class AcknowledgedWritesSurviveKillTest {

    @TempDir
    Path dataDir;

    @Test
    void acknowledged_inserts_increments_and_indexes_survive_kill_9() throws Exception {
        Process server = startServerProcess();
        int port = readPort(server);
        int inserts = 300;
        int increments = 300;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = client.getDatabase("baeum").getCollection("crash");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < inserts; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("key", i));
            }
            for (int i = 0; i < increments; i++) {
                docs.findOneAndUpdate(Filters.eq("_id", "counter"), Updates.inc("n", 1),
                        new FindOneAndUpdateOptions().upsert(true));
            }
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close of the store
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(new MongoSettings("", "baeum", dataDir, 0,
                Duration.ofSeconds(5), MongoSettings.EmbeddedStore.H2));
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("baeum").getCollection("crash");
            assertThat(docs.countDocuments(Filters.exists("key"))).isEqualTo(inserts);
            assertThat(docs.find(Filters.eq("_id", "counter")).first().getInteger("n")).isEqualTo(increments);
            assertThat(docs.listIndexes().into(new java.util.ArrayList<>())).extracting(d -> d.getString("name"))
                    .contains("key_1");
        }
    }

    private Process startServerProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EmbeddedServerProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
    }

    private static int readPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining its output
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The embedded server process did not start");
    }
}
