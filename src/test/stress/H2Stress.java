import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Stress for the embedded store's MVStore settings (decision 0067, docs/performance.md): 8 threads (or THREADS) put or remove one of
 * 20,000 keys (400-byte values) and commit, with retention time 0, for the given seconds. Not part of the build; run with
 * the JDK's source launcher:
 * {@code java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar src/test/stress/H2Stress.java MODE SECONDS [THREADS]}
 * <ul>
 * <li>{@code background}: H2's default background writer (autoCommitDelay 1000), commit + drain, as before 0067;</li>
 * <li>{@code inline}: {@code autoCommitDisabled()}, no compaction;</li>
 * <li>{@code compact}: inline, and every 100 commits {@code compact(50, 1 MB)} + commit, as CommittingH2Backend does;</li>
 * <li>{@code compact-pin}: as {@code compact}, and each put/remove holds {@code registerVersionUsage()}, as every
 * command does in CommittingH2Backend.</li>
 * </ul>
 */
public class H2Stress {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int seconds = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean inline = !mode.equals("background");
        boolean compact = mode.startsWith("compact");
        boolean pin = mode.endsWith("-pin");
        Path file = Files.createTempFile("h2stress", ".mv.db");
        Files.delete(file);
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).cacheSize(64);
        if (inline) {
            builder.autoCommitDisabled();
        }
        MVStore store = builder.open();
        store.setRetentionTime(0);
        MVMap<String, String> map = store.openMap("m");
        AtomicLong commits = new AtomicLong();
        AtomicLong compactions = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        String pad = "x".repeat(400);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            pool.submit(() -> {
                Random random = new Random(id);
                while (System.nanoTime() < end && failure.get() == null) {
                    try {
                        String key = "k" + random.nextInt(20_000);
                        MVStore.TxCounter pinned = pin ? store.registerVersionUsage() : null;
                        try {
                            if (random.nextInt(4) == 0) {
                                map.remove(key);
                            } else {
                                map.put(key, pad + random.nextInt());
                            }
                        } finally {
                            if (pinned != null) {
                                store.deregisterVersionUsage(pinned);
                            }
                        }
                        store.commit();
                        store.executeFilestoreOperation(() -> { });
                        if (commits.incrementAndGet() % 100 == 0 && compact && store.compact(50, 1 << 20)) {
                            store.commit();
                            compactions.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
        }
        pool.shutdown();
        long last = -1;
        while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            long c = commits.get();
            if (c == last) {
                System.out.println("HANG? no commit in 5 s at " + c);
            }
            last = c;
            if (System.nanoTime() > end + 20_000_000_000L) {
                System.out.println("HUNG after " + c + " commits");
                System.exit(2);
            }
        }
        double ran = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, %d threads: %d commits in %.0f s (%.0f/s), %d compactions, failure: %s, file %d KB, chunks fill rate %d%%%n",
                mode, threads, commits.get(), ran, commits.get() / ran, compactions.get(), failure.get(), Files.size(file) / 1024,
                store.getFileStore().getChunksFillRate());
        store.close();
    }
}
