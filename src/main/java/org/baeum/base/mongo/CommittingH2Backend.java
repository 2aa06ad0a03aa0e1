package org.baeum.base.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * An {@link H2Backend} that makes every acknowledged write survive the death of the server process.
 *
 * <h2>Why</h2>
 * The stock {@link H2Backend} only changes the in-memory {@link MVStore} maps. They reach the file when the
 * MVStore background writer auto-commits (by default about once a second, {@code autoCommitDelay=1000}), or when
 * the store is closed. A {@code kill -9}, an OOM kill or a JVM crash therefore loses every write that was
 * acknowledged since the last auto-commit. The background writer checks every {@code autoCommitDelay / 3} ms
 * and commits once more than {@code autoCommitDelay} has passed, so the window is up to about 1.3 s. In our
 * {@code kill -9} tests the stock backend lost between 17 and 932 of 1000 acknowledged writes.
 *
 * <p>This backend commits the MVStore after every command that may write, and only then lets the reply go back
 * to the client. An acknowledged write is then already in the file.
 *
 * <h2>What is guaranteed</h2>
 * {@link MVStore#commit()} writes the new chunk into the file with an ordinary {@code write}. The data is then in
 * the operating system's page cache, which survives the death of the process (SIGKILL, crash, OOM kill). It does
 * <em>not</em> call {@code fsync}, so a power loss or a kernel crash can still lose recent writes. If that matters,
 * call {@link MVStore#sync()} as well. That costs one {@code fsync} per write.
 *
 * <h2>How writes are detected</h2>
 * With the driver versions we use, every command reaches {@link #handleCommand}. {@code OP_MSG} goes through
 * {@code AbstractMongoBackend.handleMessage}, which delegates to {@code handleCommand}. An {@code OP_QUERY} on
 * {@code $cmd} goes through {@code MongoDatabaseHandler}, which also calls {@code handleCommand}. A plain
 * {@code OP_QUERY} reaches {@code handleQuery}, which only reads. The legacy {@code OP_INSERT}/{@code OP_UPDATE}/
 * {@code OP_DELETE} opcodes are rejected by the server. A command counts as a write when its name, compared
 * without regard to case, is in {@link #WRITE_COMMANDS}, or when it is an {@code aggregate} with a {@code $out}
 * or {@code $merge} stage. Reads are never committed; they only pin the store's version while they run (see
 * "Retention time 0 and readers").
 *
 * <p>A write that fails part-way can leave part of its changes in the store (for example an ordered bulk insert
 * that stops at a duplicate key, or a multi-update). Those changes are committed too, so the file matches what
 * other clients can already see. If the commit itself fails (for example because of an I/O error, which puts the
 * MVStore into its panic state), the exception reaches the client as an error reply. A failed commit is never
 * acknowledged.
 *
 * <h2>Concurrency</h2>
 * One write command runs at a time, together with its commit (a fair lock; decision 0067). Reads run beside it. Only
 * one store operation ran at a time anyway (MVStore's store lock), but with several writers a map could change while
 * a commit serialised its chunk, and under benchmark load that failed H2 2.4.240's chunk bookkeeping: the failed
 * store left its chunk unallocated, and the next commit spun forever in {@code FileStore.saveChunkMetadataChanges}.
 * What the lock gives up is group commit (a commit persisting other threads' finished writes too).
 *
 * <p>The portal's store ({@link #open}) has no MVStore background writer ({@link MVStore.Builder#autoCommitDisabled()},
 * decision 0067). With a background writer (enabled whenever {@code autoCommitDelay > 0}, H2's default), MVStore
 * stores <em>asynchronously</em>: it takes a snapshot under the store lock, then hands serialisation and the file write
 * to two executor threads, whose chunk bookkeeping races with a committing thread freeing dead chunks (H2 issue 4387).
 * Under benchmark load that hung a server worker in {@code FileStore.saveChunkMetadataChanges}. Without it, those
 * executors are never created, and every {@code commit()} serialises and writes the chunk itself, under the store lock.
 * For a store that does have a background writer (the public constructors), {@code commit()} may return before our
 * write is in the file, when a background auto-commit already captured it; we then drain the executors with
 * {@link MVStore#executeFilestoreOperation(Runnable)}, passing a no-op. Without executors that drain would only take
 * the locks, so it is skipped.
 *
 * <h2>Retention time 0 and readers</h2>
 * Every command (reads too) holds the store's current version with {@link MVStore#registerVersionUsage()} while it
 * runs, as H2's own transactions do. With retention time 0, MVStore frees a dead chunk as soon as no registered
 * version and none of the last 5 versions needs it. A plain map read or write that started from an older root and
 * was descheduled while other threads committed could otherwise reach a freed chunk: {@code MVStoreException: Chunk
 * ... not found} once the page is no longer in the page cache. {@code RetentionZeroReaderTest} shows both sides; one
 * of 13 stress runs with compaction and without the pin failed so (docs/performance.md).
 *
 * <h2>File size</h2>
 * Every commit appends a new chunk of at least one 4 KiB block; we measured 5 to 30 KiB per single-document write.
 * A chunk's space is reused once none of its pages is live any more, after {@code retentionTime} (45 s by default).
 * With the default the file grew to 1.2 GB after 80 s of 2,900 writes/s; the portal's store therefore uses
 * {@link MVStore#setRetentionTime(int) retention time} 0. H2 keeps old chunks for 45 s so that the store survives a
 * power loss when the disk has not flushed its buffers; with 0 the file may be unreadable after a power loss (not
 * after a process kill). Chunks that still hold a few live pages stay, though: under random updates, without
 * compaction, the file grew without bound (90 MB after 60 s of the stress run, 8% of it live). MVStore's background
 * writer would rewrite such chunks; without it, {@link #open} does a compaction step on the committing thread every
 * {@value #COMPACT_EVERY_COMMITS} stored commits (see {@link #compact}). Under the same stress run the file stayed
 * at about 16 MB. The file does not shrink by itself: freed space inside it is reused for new chunks.
 *
 * <p>Writes that bypass the wire protocol are not covered, for example code that changes
 * {@code resolveDatabase(..)} objects directly. Call {@link #commit()} after those.
 * {@link #dropDatabase(String)} is covered.
 *
 * <h2>Storage format</h2>
 * Documents are stored as BSON ({@link DocumentValueType}) and unique-index keys compare faster
 * ({@link IndexKeyType}); files written by the stock backend are read as they are, but files written by this backend
 * need it (or a newer one) to be read.
 *
 * <h2>Sorted queries, queries on an {@code _id}</h2>
 * Collections are {@link SortingH2Collection}s: a sorted, limited query keeps only the first {@code skip + limit}
 * matches instead of sorting all of them, and a query on one {@code _id} with more conditions reads that document
 * through the {@code _id} index instead of every document, with the same results (see there and
 * docs/performance.md).
 */
public final class CommittingH2Backend extends H2Backend {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommittingH2Backend.class);

    /** Commands that change data or metadata, in lower case. */
    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert",
        "update",
        "delete",
        "findandmodify",
        "create",
        "createindexes",
        "dropindexes",
        "drop",
        "dropdatabase",
        "renamecollection");

    private static final Runnable NO_OP = () -> {
    };

    /**
     * MVStore's page cache for the portal's store, in MB (MVStore's default is 16). Pages that are not in the cache
     * are read from the file and deserialised again, with Java serialisation, at every access. 10,000 outbox rows
     * (rendered mail, about 5 KB each) did not fit in 16 MB, and delivering them re-read the same pages over and
     * over: 46.7 s instead of 65.8 s for 10,000 reminders with 64 MB (docs/performance.md). The cache fills only
     * as pages are read, so a small database uses less.
     */
    static final int CACHE_MB = 64;

    private final int compactEveryCommits;

    /**
     * One write command at a time, with its commit (decision 0067): while a commit serialises a chunk on its thread, no
     * other thread changes a map. With writes and commits interleaved on several server workers, H2 2.4.240's chunk
     * bookkeeping failed under the benchmarks' write load (a chunk created by a store that failed stayed unallocated,
     * and the next store spun forever in {@code FileStore.saveChunkMetadataChanges}; "Chunk … not found"). Reads do
     * not take it. Fair, so a write waits its turn in order.
     */
    private final java.util.concurrent.locks.ReentrantLock writer = new java.util.concurrent.locks.ReentrantLock(true);

    /** Commits that stored something, for {@link #compactEveryCommits}. */
    private final java.util.concurrent.atomic.AtomicLong storedCommits = new java.util.concurrent.atomic.AtomicLong();

    /** The value of {@link #storedCommits} when the next compaction step is due. */
    private final java.util.concurrent.atomic.AtomicLong nextCompaction = new java.util.concurrent.atomic.AtomicLong();

    /**
     * How many stored commits pass between two compaction steps of the portal's store (see "File size" above). Each
     * step costs about 4 ms when there is something to rewrite (measured in the stress run of docs/performance.md),
     * so at most a few percent of the commit time.
     */
    static final int COMPACT_EVERY_COMMITS = 100;

    /**
     * A compaction step rewrites chunks only while the live share of all chunks is below this percentage. 50 kept the
     * stress file at 17 MB and 10,000 commits/s; 70 kept it at 13 MB but cost 20% of the commit rate.
     */
    static final int COMPACT_BELOW_FILL_RATE = 50;

    /** At most this many bytes of live pages are rewritten by one compaction step, so one step stays short. */
    static final int COMPACT_WRITE_LIMIT = 1 << 20;

    /** When a due compaction step could not run (store lock busy), it is tried again after this many commits. */
    static final int COMPACT_RETRY_AFTER_COMMITS = 10;

    /**
     * The portal's embedded store: the file at {@code file}, committed after every write, with MVStore's background
     * writer off (every commit stores on the committing thread), retention time 0 so that dead chunks are reused at
     * once, a compaction step every {@value #COMPACT_EVERY_COMMITS} commits, and a {@value #CACHE_MB} MB page cache.
     * The price of retention time 0: after a power loss (not a process kill) the file may be unreadable; production
     * uses a real MongoDB replica set. See decision 0067.
     */
    static CommittingH2Backend open(java.nio.file.Path file) {
        // no background writer: no serialisation/save executors, so no race between their chunk bookkeeping and a
        // committing thread's dropUnusedChunks (H2 issue 4387; we saw hangs and "Chunk ... not found" under load)
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).autoCommitDisabled().open();
        try {
            store.setRetentionTime(0);
            return new CommittingH2Backend(store, COMPACT_EVERY_COMMITS);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens (or creates) the MVStore file with the stock H2 settings.
     *
     * @param fileName the MVStore file; {@code null} for a purely in-memory store
     */
    public CommittingH2Backend(String fileName) {
        super(fileName);
        this.compactEveryCommits = 0; // the store has H2's background writer, which compacts
    }

    /**
     * Uses an MVStore that the caller has already opened, for example with custom {@link MVStore.Builder} settings.
     * The caller must not close the store while the backend is in use.
     *
     * @param mvStore an open, file-backed (or in-memory) MVStore; {@link #close()} closes it
     */
    public CommittingH2Backend(MVStore mvStore) {
        this(mvStore, 0);
    }

    /**
     * Like {@link #CommittingH2Backend(MVStore)}, and compacts the store on the committing thread every
     * {@code compactEveryCommits} stored commits ({@code 0}: never). Meant for a store opened with
     * {@link MVStore.Builder#autoCommitDisabled()}, which has no background writer to compact it.
     */
    CommittingH2Backend(MVStore mvStore, int compactEveryCommits) {
        super(mvStore);
        if (compactEveryCommits < 0) {
            throw new IllegalArgumentException("compactEveryCommits must be 0 or more: " + compactEveryCommits);
        }
        this.compactEveryCommits = compactEveryCommits;
        this.nextCompaction.set(compactEveryCommits);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        MVStore.TxCounter pinned = pinVersion();
        try {
            return handleCommandPinned(channel, databaseName, command, query);
        } finally {
            unpin(pinned);
        }
    }

    private Document handleCommandPinned(Channel channel, String databaseName, String command, Document query) {
        if (!isWrite(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        writer.lock();
        try {
            Document response;
            try {
                response = super.handleCommand(channel, databaseName, command, query);
            } catch (RuntimeException | Error e) {
                // a failed write may have been applied in part; persist what other clients can already see
                try {
                    commitDurably();
                } catch (RuntimeException commitFailure) {
                    e.addSuppressed(commitFailure);
                }
                throw e;
            }
            commitDurably();
            return response;
        } finally {
            writer.unlock();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter pinned = pinVersion();
        try {
            return super.handleQuery(query);
        } finally {
            unpin(pinned);
        }
    }

    /**
     * Keeps the chunks of the store's current version from being freed until {@link #unpin}: see "Retention time 0 and
     * readers" above. {@code null} for an in-memory store, which has no chunks.
     */
    private MVStore.TxCounter pinVersion() {
        MVStore store = getMvStore();
        return store.getFileStore() == null ? null : store.registerVersionUsage();
    }

    private void unpin(MVStore.TxCounter pinned) {
        if (pinned != null) {
            getMvStore().deregisterVersionUsage(pinned);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new SortingH2Database(databaseName);
    }

    @Override
    public void dropDatabase(String databaseName) {
        MVStore.TxCounter pinned = pinVersion();
        writer.lock();
        try {
            super.dropDatabase(databaseName);
            commitDurably();
        } finally {
            writer.unlock();
            unpin(pinned);
        }
    }

    /**
     * Commits all pending changes and returns only once they have been handed to the operating system.
     */
    @Override
    public void commit() {
        commitDurably();
    }

    private void commitDurably() {
        MVStore store = getMvStore();
        long version;
        try {
            version = store.commit();
        } catch (RuntimeException | Error e) {
            log.error("Embedded store: commit failed; the write is not acknowledged", e);
            throw e;
        }
        if (store.getFileStore() == null) {
            return; // in-memory store: nothing is written anywhere
        }
        if (store.getAutoCommitDelay() > 0) {
            // a background writer exists: commit() returns at once when a concurrent background auto-commit already
            // captured our changes; wait until that asynchronous store (serialisation + file write) has finished too.
            // Without one (autoCommitDisabled) every store runs inline under the store lock, so there is nothing to wait for.
            store.executeFilestoreOperation(NO_OP);
        }
        if (version >= 0 && compactEveryCommits > 0) {
            long stored = storedCommits.incrementAndGet();
            long due = nextCompaction.get();
            if (stored >= due && nextCompaction.compareAndSet(due, stored + COMPACT_RETRY_AFTER_COMMITS)
                    && compact(store)) {
                nextCompaction.set(stored + compactEveryCommits);
            }
        }
    }

    /**
     * One compaction step, as MVStore's background housekeeping would do it: if the live share of the chunks' bytes
     * is below {@value #COMPACT_BELOW_FILL_RATE}%, rewrite up to {@value #COMPACT_WRITE_LIMIT} bytes of live pages from
     * the emptiest old chunks ({@link MVStore#compact(int, int)}, under the store lock), then commit them; the old
     * chunks become dead and the next commit frees their space for new chunks. {@link MVStore#compact(int, int)} waits
     * at most 10 ms for the store lock, and returns {@code false} also when it did not get it; then the step is tried
     * again {@value #COMPACT_RETRY_AFTER_COMMITS} commits later. The write that triggered the step is already in the
     * file, so a failure here is logged and does not fail that write (if it left the store in MVStore's panic state,
     * the next command fails).
     *
     * @return whether the step is done (nothing to do, or chunks rewritten)
     */
    private static boolean compact(MVStore store) {
        try {
            if (store.getFileStore().getChunksFillRate() >= COMPACT_BELOW_FILL_RATE) {
                return true;
            }
            if (store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_LIMIT)) {
                store.commit();
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            log.error("Embedded store: compaction failed", e);
            return true;
        }
    }

    /**
     * An {@link H2Database} whose collections are {@link SortingH2Collection}s, on the same MVStore maps as the stock
     * one ({@code databases.<db>.<collection>} and {@code meta.<db>.<collection>}), so files stay interchangeable.
     * Not static: H2Database's constructor already opens the existing collections, before a field of a subclass is
     * set, so the store comes from the enclosing backend.
     */
    private final class SortingH2Database extends H2Database {

        SortingH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * Opens the index's map with {@link IndexKeyType} keys (same order and file format, faster comparisons) before
         * the stock code opens it by name: it then gets this map. The name is the stock code's
         * ({@code H2Database.mapNameForIndex}, private); {@code CommittingH2BackendTest} checks that no second map
         * appears.
         */
        @Override
        protected de.bwaldvogel.mongo.backend.Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            getMvStore().openMap(indexMapName(getFullCollectionNamespace(collectionName), indexName),
                    new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>().keyType(new IndexKeyType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            // documents as BSON, not Java serialisation (DocumentValueType); same map name as the stock backend
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = store.openMap("databases." + fullName,
                    new org.h2.mvstore.MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentValueType()));
            return new SortingH2Collection(this, collectionName, options, documents, store.openMap("meta." + fullName),
                    cursorRegistry);
        }
    }

    /** The name of a unique index's map, as H2Database names it. */
    static String indexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + "._index_" + indexName;
    }

    private static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITE_COMMANDS.contains(name)) {
            return true;
        }
        return name.equals("aggregate") && hasWritingStage(query.get("pipeline"));
    }

    private static boolean hasWritingStage(Object pipeline) {
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document document
                    && (document.containsKey("$out") || document.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
