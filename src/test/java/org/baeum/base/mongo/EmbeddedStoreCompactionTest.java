package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's embedded store writes inline (no MVStore background writer) and compacts on the committing thread, so
 * under a sustained load of random updates its file stays bounded, and what was written is there after a reopen
 * (decision 0067).
 */
class EmbeddedStoreCompactionTest {

    private static final int DOCUMENTS = 1_500;
    private static final int THREADS = 4;
    private static final int UPDATES_PER_THREAD = 1_500;
    private static final String PAD = "x".repeat(400);

    @TempDir
    Path dir;

    @Test
    void the_file_stays_bounded_under_random_updates_and_the_data_survives_a_reopen() throws Exception {
        Path uncompacted = dir.resolve("uncompacted.mv.db");
        MVStore plain = new MVStore.Builder().fileName(uncompacted.toString()).autoCommitDisabled().open();
        plain.setRetentionTime(0);
        Map<String, String> expectedPlain;
        try (RunningServer server = RunningServer.on(new CommittingH2Backend(plain, 0))) {
            expectedPlain = load(server.collection());
        }
        long uncompactedSize = Files.size(uncompacted);

        Path file = dir.resolve("portal.mv.db");
        Map<String, String> expected;
        try (RunningServer server = RunningServer.on(CommittingH2Backend.open(file))) {
            MVStore store = ((CommittingH2Backend) server.backend()).getMvStore();
            assertThat(store.getAutoCommitDelay()).as("no background writer").isZero();
            assertThat(store.getRetentionTime()).isZero();
            expected = load(server.collection());
        }
        long compactedSize = Files.size(file);

        // Live data: 1,500 documents of about 450 bytes, about 0.7 MB, plus the _id index and the B-tree's inner pages.
        // Without compaction, chunks that keep a live page of a randomly updated document pile up: the same load left
        // 7.4-7.8 MB (four runs), so the bound below is not met by chance. With the compaction step every 100 commits
        // (rewriting while less than half of the chunks' bytes are live, so up to about twice the live data plus the
        // newest chunks) it left 1.8-2.7 MB (four runs, machine load about 5).
        assertThat(uncompactedSize).as("uncompacted").isGreaterThan(5L * 1024 * 1024);
        assertThat(compactedSize).as("compacted %d bytes, uncompacted %d bytes", compactedSize, uncompactedSize)
                .isLessThan(4L * 1024 * 1024);

        try (RunningServer reopened = RunningServer.on(CommittingH2Backend.open(file))) {
            assertThat(contents(reopened.collection())).isEqualTo(expected);
        }
        try (RunningServer reopened = RunningServer.on(new CommittingH2Backend(MVStore.open(uncompacted.toString())))) {
            assertThat(contents(reopened.collection())).isEqualTo(expectedPlain);
        }
    }

    /** Inserts the documents, then runs the updates from {@value #THREADS} clients at once; the expected contents. */
    private static Map<String, String> load(MongoCollection<Document> collection) throws Exception {
        List<Document> documents = new ArrayList<>();
        Map<String, String> expected = new ConcurrentHashMap<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", "d" + i).append("v", PAD + "-0"));
            expected.put("d" + i, PAD + "-0");
        }
        collection.insertMany(documents);
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(clients.submit(() -> {
                    Random random = new Random(thread);
                    int updated = 0;
                    for (int u = 1; u <= UPDATES_PER_THREAD; u++) {
                        // each client owns the documents i with i % THREADS == thread, so the outcome is known
                        String id = "d" + (random.nextInt(DOCUMENTS / THREADS) * THREADS + thread);
                        String value = PAD + "-" + thread + "-" + u;
                        updated += (int) collection.updateOne(Filters.eq("_id", id), Updates.set("v", value))
                                .getModifiedCount();
                        expected.put(id, value);
                    }
                    return updated;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(UPDATES_PER_THREAD);
            }
        } finally {
            clients.shutdownNow();
        }
        return new HashMap<>(expected);
    }

    private static Map<String, String> contents(MongoCollection<Document> collection) {
        Map<String, String> contents = new HashMap<>();
        for (Document d : collection.find()) {
            contents.put(d.getString("_id"), d.getString("v"));
        }
        return contents;
    }
}
