package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RootReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why every command of {@link CommittingH2Backend} holds {@link MVStore#registerVersionUsage()} (decision 0067): with
 * retention time 0, a map operation that started from a root and is overtaken by other threads' commits reads freed
 * chunks, unless it registered its version. Shown here in one thread, deterministically, as the embedded store is
 * opened (no background writer, retention time 0).
 */
class RetentionZeroReaderTest {

    private static final int KEYS = 2_000;
    private static final String PAD = "x".repeat(200);

    @TempDir
    Path dir;

    @Test
    void a_reader_overtaken_by_commits_finds_its_chunks_freed() {
        Path file = dir.resolve("unpinned.mv.db");
        fill(file);
        try (MVStore store = open(file)) {
            MVMap<Integer, String> map = store.openMap("m");
            RootReference<Integer, String> startedFrom = map.getRoot(); // pages not read yet: only their positions
            overwriteEverything(store, map);
            assertThatThrownBy(() -> count(startedFrom))
                    .isInstanceOf(MVStoreException.class)
                    .hasMessageContaining("Chunk")
                    .hasMessageContaining("not found");
        }
    }

    @Test
    void a_reader_that_registered_its_version_reads_everything() {
        Path file = dir.resolve("pinned.mv.db");
        fill(file);
        try (MVStore store = open(file)) {
            MVMap<Integer, String> map = store.openMap("m");
            MVStore.TxCounter pinned = store.registerVersionUsage();
            try {
                RootReference<Integer, String> startedFrom = map.getRoot();
                overwriteEverything(store, map);
                assertThat(count(startedFrom)).isEqualTo(KEYS);
            } finally {
                store.deregisterVersionUsage(pinned);
            }
        }
    }

    /**
     * As {@link CommittingH2Backend#open} opens the store, but without a page cache: a page still in the cache is read
     * from there even after its chunk was freed, so the reader here would only fail once the cache had let it go.
     */
    private static MVStore open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(0).autoCommitDisabled().open();
        store.setRetentionTime(0);
        return store;
    }

    private static void fill(Path file) {
        try (MVStore store = open(file)) {
            MVMap<Integer, String> map = store.openMap("m");
            store.commit(); // the map's name (meta map) in a chunk of its own, which stays live
            for (int i = 0; i < KEYS; i++) {
                map.put(i, PAD + "-0");
            }
            store.commit();
        }
    }

    /** Other writers: every key replaced in each of 10 commits, so every chunk of the first version dies. */
    private static void overwriteEverything(MVStore store, MVMap<Integer, String> map) {
        for (int round = 1; round <= 10; round++) {
            for (int i = 0; i < KEYS; i++) {
                map.put(i, PAD + "-" + round);
            }
            store.commit();
        }
    }

    private static int count(RootReference<Integer, String> root) {
        int count = 0;
        for (Cursor<Integer, String> cursor = new Cursor<>(root, null, null); cursor.hasNext(); cursor.next()) {
            count++;
        }
        return count;
    }
}
