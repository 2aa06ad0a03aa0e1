package org.baeum.scale;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.baeum.base.mongo.EmbeddedMongoServer;

/**
 * Where the soak's heap goes: class histograms of both instances (A in this JVM through the {@code DiagnosticCommand}
 * MBean's {@code gcClassHistogram}, B through {@code jcmd <pid> GC.class_histogram}; both after a full GC) taken after
 * the warm-up and when the traffic stops, their difference (the classes that grew most, by bytes) written to the file
 * {@code benchmark.soakHistogram} ({@code target/soak-histogram.md}), and the size of the parts of A's heap that B does
 * not have (the embedded database's page cache and open cursors, the mails the SMTP server holds), printed with every
 * sample.
 */
final class SoakHeap {

    static final Path FILE = Path.of(System.getProperty("benchmark.soakHistogram", "target/soak-histogram.md"));
    private static final int TOP = 30;
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    record Row(String name, long instances, long bytes) {
    }

    /** Both histograms and A's parts at a minute of the run. */
    record Snapshot(Map<String, Row> a, Map<String, Row> b, String parts, double minute) {

        static Snapshot take(SoakInstances two, double minute) throws Exception {
            return new Snapshot(histogramA(), histogramB(two.b.pid()), partsA(two), minute);
        }
    }

    private SoakHeap() {
    }

    /** A's class histogram (this JVM), after a full GC. */
    static Map<String, Row> histogramA() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return parse(text);
    }

    /** B's class histogram (the child process), after a full GC. */
    static Map<String, Row> histogramB(long pid) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return parse(out);
    }

    /** The rows of a class histogram by class name (rows of the same name from several loaders summed). */
    static Map<String, Row> parse(String text) {
        Map<String, Row> rows = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Row row = new Row(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                rows.merge(row.name(), row, (x, y) -> new Row(x.name(), x.instances() + y.instances(), x.bytes() + y.bytes()));
            }
        }
        return rows;
    }

    /** The {@code top} classes that grew most in bytes from {@code before} to {@code after}, as markdown table rows. */
    static List<String> growth(Map<String, Row> before, Map<String, Row> after, int top) {
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        Row none = new Row("", 0, 0);
        List<String> lines = new ArrayList<>();
        lines.add("| class | instances before | after | Δ instances | MB before | MB after | Δ MB |");
        lines.add("|---|--:|--:|--:|--:|--:|--:|");
        names.stream().sorted(Comparator.comparingLong((String n) -> after.getOrDefault(n, none).bytes()
                        - before.getOrDefault(n, none).bytes()).reversed()).limit(top)
                .forEach(n -> {
                    Row b = before.getOrDefault(n, none);
                    Row a = after.getOrDefault(n, none);
                    lines.add(String.format(Locale.ROOT, "| `%s` | %,d | %,d | %+,d | %.2f | %.2f | %+.2f |", n,
                            b.instances(), a.instances(), a.instances() - b.instances(), b.bytes() / 1e6,
                            a.bytes() / 1e6, (a.bytes() - b.bytes()) / 1e6));
                });
        return lines;
    }

    static long total(Map<String, Row> rows) {
        return rows.values().stream().mapToLong(Row::bytes).sum();
    }

    /** Writes both instances' growth between the two histograms, with what A's extra parts held at each. */
    static void write(Snapshot start, Snapshot end) throws Exception {
        Map<String, Row> a0 = start.a();
        Map<String, Row> a1 = end.a();
        Map<String, Row> b0 = start.b();
        Map<String, Row> b1 = end.b();
        String parts0 = start.parts();
        String parts1 = end.parts();
        double minute0 = start.minute();
        double minute1 = end.minute();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "# Soak class histograms, minute %.1f → %.1f (written %s)", minute0, minute1,
                Instant.now()));
        out.add("");
        out.add(String.format(Locale.ROOT, "A (portal + database + SMTP server + client): %.1f → %.1f MB live in the"
                + " histogram. A's parts then: %s; at the end: %s.", total(a0) / 1e6, total(a1) / 1e6, parts0, parts1));
        out.add("");
        out.addAll(growth(a0, a1, TOP));
        out.add("");
        out.add("(`org.baeum.scale.SoakHeap$Row`, with its share of `String`, `HashMap$Node` and `HashMap$Node[]`, is"
                + " this tool's own: the first histogram, kept in A for the difference.)");
        out.add("");
        out.add(String.format(Locale.ROOT, "B (the portal alone): %.1f → %.1f MB live in the histogram.", total(b0) / 1e6,
                total(b1) / 1e6));
        out.add("");
        out.addAll(growth(b0, b1, TOP));
        Path file = FILE.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        System.out.printf(Locale.ROOT, "- class histograms' growth written to %s%n", file);
    }

    /**
     * What the parts of A that B does not have hold now: the embedded database's MVStore page cache (its own memory
     * estimate, MB, against its bound) and open cursors, the mails the SMTP server keeps, the client's delivery map.
     */
    static String partsA(SoakInstances two) {
        StringBuilder s = new StringBuilder();
        try {
            Field f = EmbeddedMongoServer.class.getDeclaredField("backend");
            f.setAccessible(true);
            H2Backend backend = (H2Backend) f.get(two.database);
            var store = backend.getMvStore();
            var cursors = de.bwaldvogel.mongo.backend.AbstractMongoBackend.class.getDeclaredMethod("getCursorRegistry");
            cursors.setAccessible(true);
            s.append(String.format(Locale.ROOT, "MVStore cache %d of %d MB, %d open cursors",
                    store.getCacheSizeUsed(), store.getCacheSize(),
                    ((de.bwaldvogel.mongo.backend.CursorRegistry) cursors.invoke(backend)).size()));
        } catch (Exception e) {
            s.append("database: ").append(e);
        }
        try {
            s.append(", ").append(two.smtp.getManagers().getImapHostManager().getAllMessages().size())
                    .append(" mails held by GreenMail (")
                    .append(SoakInstances.KEEP_MAIL ? "kept" : "dropped at every sample").append(")");
        } catch (Exception e) {
            s.append(", mails: ").append(e);
        }
        synchronized (two.received) {
            s.append(", ").append(two.received.size()).append(String.format(Locale.ROOT,
                    " deliveries counted, %.1f MB of mail received (raw)", two.receivedBytes.get() / 1e6));
        }
        return s.toString();
    }
}
