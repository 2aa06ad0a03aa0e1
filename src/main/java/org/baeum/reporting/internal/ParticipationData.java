package org.baeum.reporting.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executor;
import org.baeum.reporting.ReportQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * The participation tables the reports read: one {@link YearTable} per year, built from the {@link FactFeed} and kept
 * in memory.
 *
 * <p>Freshness: a table is at most {@code baeum.reports.max-age} old (default 5 minutes) when a report starts reading
 * it, plus the time of one rebuild. The first use of a year builds its table on the caller's thread; later, a table
 * older than the max age is still answered at once while one background rebuild per year runs (single flight) and
 * replaces it when done. {@code asOf} of a table is when its build started. Each portal instance has its own cache:
 * two instances may answer with different tables, each within the same bound (the max age).
 */
@Component
public class ParticipationData {

    private static final Logger log = LoggerFactory.getLogger(ParticipationData.class);

    private static final class Slot {
        volatile YearTable table;
        final AtomicBoolean rebuilding = new AtomicBoolean();
    }

    private final ObjectProvider<FactFeed> feed;
    private final Clock clock;
    private final Duration maxAge;
    private final Executor executor;
    private final ExecutorService owned;
    private final Map<Integer, Slot> slots = new ConcurrentHashMap<>();

    @Autowired
    ParticipationData(ObjectProvider<FactFeed> feed, Clock clock,
                      @Value("${baeum.reports.max-age:PT5M}") Duration maxAge) {
        this(feed, clock, maxAge, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "report-tables");
            t.setDaemon(true);
            return t;
        }));
    }

    /** For tests: rebuilds run on the given executor. */
    ParticipationData(ObjectProvider<FactFeed> feed, Clock clock, Duration maxAge, Executor executor) {
        this.feed = feed;
        this.clock = clock;
        this.maxAge = maxAge;
        this.executor = executor;
        this.owned = executor instanceof ExecutorService s ? s : null;
    }

    /**
     * Builds this year's and last year's tables in the background once the portal is up (after the demo data), so that
     * the first reader does not wait for a build (docs/performance.md: about 5 s for a year of 200,000 entries).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        int thisYear = java.time.LocalDate.now(clock.withZone(org.baeum.base.i18n.Formats.SEOUL)).getYear();
        try {
            executor.execute(() -> org.baeum.base.security.SystemIdentity.run(() -> {
                for (int y : new int[] {thisYear, thisYear - 1}) {
                    try {
                        year(y);
                    } catch (RuntimeException e) {
                        log.warn("Report table {} not built ahead: {}", y, e.toString());
                    }
                }
            }));
        } catch (RuntimeException e) {
            log.warn("Report tables not built ahead: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** The tables of every year the query's period touches, selected by its filters. */
    public Selection select(ReportQuery query) {
        List<YearTable> tables = new ArrayList<>();
        for (int y = query.from().getYear(); y <= query.to().getYear(); y++) {
            tables.add(year(y));
        }
        return new Selection(query, tables);
    }

    /** Now, on the clock the tables are dated by. */
    public Instant now() {
        return clock.instant();
    }

    /** The feed, for the detail rows the tables do not keep. */
    public FactFeed feed() {
        FactFeed f = feed.getIfAvailable();
        if (f == null) {
            throw new IllegalStateException("no participation feed is configured");
        }
        return f;
    }

    /** The year's table: built now on first use; a stale one answers at once while one rebuild runs behind. */
    public YearTable year(int year) {
        Slot slot = slots.computeIfAbsent(year, y -> new Slot());
        YearTable table = slot.table;
        if (table == null) {
            synchronized (slot) {
                if (slot.table == null) {
                    slot.table = build(year);
                }
                return slot.table;
            }
        }
        if (stale(table) && slot.rebuilding.compareAndSet(false, true)) {
            try {
                executor.execute(new DelegatingSecurityContextRunnable(() -> rebuild(slot, year)));
            } catch (RuntimeException e) {
                slot.rebuilding.set(false);
                log.warn("Report table {} not rebuilt: {}", year, e.toString());
            }
        }
        return table;
    }

    /**
     * Builds the year's table now, on the caller's thread, and keeps it: for a reader who must see what was stored a
     * moment ago (a test, an administrator who just corrected data) rather than a table up to the max age old.
     */
    public YearTable rebuildNow(int year) {
        Slot slot = slots.computeIfAbsent(year, y -> new Slot());
        synchronized (slot) {
            slot.table = build(year);
            return slot.table;
        }
    }

    private boolean stale(YearTable table) {
        return Duration.between(table.asOf(), clock.instant()).compareTo(maxAge) > 0;
    }

    private void rebuild(Slot slot, int year) {
        try {
            YearTable built = build(year);
            synchronized (slot) { // a rebuildNow that started later keeps its fresher table
                if (slot.table == null || !built.asOf().isBefore(slot.table.asOf())) {
                    slot.table = built;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Report table {} could not be rebuilt; the older one stays: {}", year, e.toString());
        } finally {
            slot.rebuilding.set(false);
        }
    }

    private YearTable build(int year) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        FactFeed f = feed();
        List<FeedOffering> offerings = f.offeringsOfYear(year);
        Map<String, Integer> attended = f.attendedOfYear(year);
        List<String> ids = offerings.stream().map(FeedOffering::offeringId).toList();
        var completed = ids.isEmpty() ? new HashSet<String>() : f.completedAmong(ids);
        YearTable.Builder builder = new YearTable.Builder(year, started, offerings, attended, completed);
        f.entriesOfYear(year, builder::add);
        YearTable table = builder.build();
        log.info("Report table {} built: {} offerings, {} entries ({} skipped), {} persons in {} ms", year,
                offerings.size(), table.size(), builder.skipped, table.persons.length, (System.nanoTime() - t0) / 1_000_000);
        return table;
    }
}
