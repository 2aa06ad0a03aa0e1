package org.baeum.base.ui;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;
import com.vaadin.flow.server.VaadinSession;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.startup.Tomcat;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Server memory of a browser session (issue 20, item 3): how much heap a signed-in citizen's session holds with one
 * tab open on the catalog ({@code /catalog}), on an offering's page ({@code /catalog/offering/<id>}, with the enrol
 * button) and on My learning ({@code /my/learning}, with one enrolment). Not a test:
 * {@code ./mvnw -o -Pbenchmark test -Dbenchmark.run=sessions} (docs/performance.md, "Performance: browser sessions").
 * <p>
 * The portal runs in this JVM on the embedded database (temp folder, no demo data); the citizens are real HTTP
 * clients ({@link VaadinBrowser}) on loopback: they sign in through the form and open each screen with the requests
 * a browser sends. Heap figures are "used after a full GC" ({@code System.gc()} three times, G1 does a full
 * collection each time), from {@link java.lang.management.MemoryMXBean}:
 * <ol>
 *   <li>warm-up: {@code benchmark.sessionWarmup} (20) other citizens sign in and open every screen, then leave (the
 *       first use of a route loads classes and fills shared caches, which no session owns);</li>
 *   <li>{@code empty}: the heap then; {@code signed}: the heap once the {@code max(benchmark.sessionCounts)} citizens
 *       have signed in (their sign-in tab left, so the sessions hold no UI);</li>
 *   <li>for each screen and each N of {@code benchmark.sessionCounts} (100,1000): the first N citizens open the screen
 *       in their session; {@code (heap − signed) / N} is the UI's share, {@code (signed − empty) / max} the bare
 *       signed-in session's; their sum is the session's memory with that screen open. Then every tab leaves (the
 *       unload beacon closes its UI) and the heap is taken again: it must fall back to about {@code signed}, or
 *       closed UIs leak.</li>
 * </ol>
 * The client's own objects live in the same heap: per simulated person a cookie map, a few ids and a small map of
 * element ids (well under 1 KB), counted in the figures. With {@code benchmark.serialized} (true) the portal's
 * Tomcat sessions are serialized ({@link ObjectOutputStream}, counting bytes) for 20 of them per step: the size a
 * session store or replication would carry.
 */
public final class SessionMemoryBenchmark {

    private static final int[] COUNTS = Arrays.stream(System.getProperty("benchmark.sessionCounts", "100,1000")
            .split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    private static final int WARMUP = Integer.getInteger("benchmark.sessionWarmup", 20);
    private static final int CATALOG_OFFERINGS = Integer.getInteger("benchmark.catalogOfferings", 60);
    private static final int THREADS = Integer.getInteger("benchmark.clientThreads", 8);
    private static final boolean SERIALIZED = Boolean.parseBoolean(System.getProperty("benchmark.serialized", "true"));
    private static final String PORTAL_ARGS = System.getProperty("benchmark.portalArgs", "").strip();
    /** A file name prefix: write a class histogram (live objects) at the largest N of each screen. */
    private static final String HISTOGRAM = System.getProperty("benchmark.histogram", "").strip();
    /** A file name prefix: record where the live objects of the largest N of each screen were allocated (JFR). */
    private static final String JFR = System.getProperty("benchmark.jfr", "").strip();
    /** Which screens to measure: {@code catalog}, {@code offering}, {@code learning} (comma-separated). */
    private static final List<String> SCREENS = List.of(System.getProperty("benchmark.screens",
            "catalog,offering,learning").split(","));
    private static final double KB = 1024.0;

    private SessionMemoryBenchmark() {
    }

    /** What one person does on a screen: open it in their tab. */
    private interface Step {
        void run(VaadinBrowser browser) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int max = Arrays.stream(COUNTS).max().orElseThrow();
        System.out.printf(Locale.ROOT, "%n# Browser session memory%n%n- JVM: %s %s, %d processors, max heap %d MB, GC %s%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(g -> g.getName()).toList());
        try (UiBenchmarkPortal portal = UiBenchmarkPortal.start(PORTAL_ARGS)) {
            System.out.printf(Locale.ROOT, "- Vaadin production mode: %s%n", portal.context.getEnvironment()
                    .getProperty("vaadin.productionMode", "false (development mode, the test class path)"));
            List<OfferingId> offerings = SystemIdentity.call(() -> portal.offerings(CATALOG_OFFERINGS, max + WARMUP + 10));
            OfferingId page = offerings.getFirst();
            List<String> warmupPeople = portal.citizens("warm", WARMUP);
            List<String> people = portal.citizens("person", max);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
            String offeringRoute = "catalog/offering/" + page.value();
            System.out.printf(Locale.ROOT, "- %d published offerings in the catalog (page size of the catalog: its"
                    + " default); offering page: %s; %d citizens, %d client threads%n", offerings.size(), offeringRoute,
                    max, THREADS);

            List<VaadinBrowser> warm = signIn(http, base, warmupPeople, portal.password);
            parallel(warm, b -> b.open("catalog"));
            parallel(warm, b -> b.open(offeringRoute));
            parallel(warm, b -> enrol(b));
            parallel(warm, b -> b.open("my/learning"));
            parallel(warm, VaadinBrowser::leave);
            long empty = heapAfterGc();
            long begin = System.nanoTime();
            List<VaadinBrowser> browsers = signIn(http, base, people, portal.password);
            System.out.printf(Locale.ROOT, "- %d citizens signed in through the form in %.1f s%n", max,
                    (System.nanoTime() - begin) / 1e9);
            long signed = heapAfterGc();
            double session = (signed - empty) / (double) max / KB;
            System.out.printf(Locale.ROOT, "- heap after full GC: %.1f MB before sign-in, %.1f MB with %d signed-in"
                    + " sessions and no UI: **%.1f KB per signed-in session** (HTTP session, security context, the"
                    + " VaadinSession)%s%n%n", empty / 1e6, signed / 1e6, max, session, serialized(portal));
            System.out.println("| screen | N sessions | heap with the screen open (MB) | UI per session (KB) |"
                    + " session + UI (KB) | serialized session (KB, mean of 20) | heap after every tab left (MB) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            if (SCREENS.contains("catalog")) {
                measure("catalog (/catalog)", browsers, b -> b.open("catalog"), signed, session, portal);
            }
            if (SCREENS.contains("offering")) {
                measure("offering page, enrol button", browsers, b -> b.open(offeringRoute), signed, session, portal);
            }
            if (!SCREENS.contains("learning")) {
                return;
            }
            // everyone enrols (through the page, as they would), so that My learning shows one class
            parallel(browsers, b -> {
                b.open(offeringRoute);
                enrol(b);
            });
            parallel(browsers, VaadinBrowser::leave);
            long enrolled = heapAfterGc();
            System.out.printf(Locale.ROOT, "| (all %d enrolled through the page, tabs left) | | %.1f | | | | |%n", max,
                    enrolled / 1e6);
            measure("My learning (/my/learning), one enrolment", browsers, b -> b.open("my/learning"), enrolled,
                    session, portal);
        }
    }

    private static void measure(String screen, List<VaadinBrowser> browsers, Step open, long signed, double session,
                                UiBenchmarkPortal portal) throws Exception {
        for (int n : COUNTS) {
            List<VaadinBrowser> some = browsers.subList(0, n);
            jdk.jfr.Recording recording = null;
            if (!JFR.isEmpty() && n == COUNTS[COUNTS.length - 1]) {
                // live objects sampled where they were allocated, with their path to a GC root
                recording = new jdk.jfr.Recording();
                recording.enable("jdk.OldObjectSample").withStackTrace().with("cutoff", "infinity");
                recording.start();
            }
            parallel(some, open);
            if (recording != null) {
                heapAfterGc();
                recording.stop();
                recording.dump(Path.of(JFR + "-" + screen.replaceAll("[^a-z]+", "_") + ".jfr"));
                recording.close();
            }
            long heap = heapAfterGc();
            double ui = (heap - signed) / (double) n / KB;
            String serialized = SERIALIZED ? serializedKb(portal) : "";
            int uis = uiCount(portal);
            if (!HISTOGRAM.isEmpty() && n == COUNTS[COUNTS.length - 1]) {
                Files.writeString(Path.of(HISTOGRAM + "-" + screen.replaceAll("[^a-z]+", "_") + ".txt"), histogram());
            }
            parallel(some, VaadinBrowser::leave);
            long after = heapAfterGc();
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | **%.1f** | %s | %.1f (UIs open: %d before, %d"
                    + " after) |%n", screen, n, heap / 1e6, ui, session + ui, serialized, after / 1e6, uis,
                    uiCount(portal));
        }
    }

    private static void enrol(VaadinBrowser b) throws Exception {
        if (!b.has(UiRushBenchmark.PRIMARY)) {
            throw new VaadinBrowser.ProtocolException("no enrol button on the page");
        }
        b.click(UiRushBenchmark.PRIMARY);
        b.click(UiRushBenchmark.SUBMIT);
    }

    static List<VaadinBrowser> signIn(HttpClient http, URI base, List<String> people, String password)
            throws Exception {
        List<VaadinBrowser> browsers = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            browsers.add(new VaadinBrowser(http, base));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            order.add(i);
        }
        List<VaadinBrowser> indexed = browsers;
        parallelIndexed(order, i -> indexed.get(i).signIn(people.get(i), password));
        return browsers;
    }

    private interface IndexedStep {
        void run(int i) throws Exception;
    }

    private static void parallelIndexed(List<Integer> indexes, IndexedStep step) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : indexes) {
                futures.add(pool.submit(() -> {
                    step.run(i);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    static void parallel(List<VaadinBrowser> browsers, Step step) throws Exception {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            indexes.add(i);
        }
        parallelIndexed(indexes, i -> step.run(browsers.get(i)));
    }

    /** Heap used after three full collections (a little pause between, for reference processing to finish). */
    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code GC.class_histogram} of this JVM (what {@code jcmd <pid> GC.class_histogram} prints). */
    private static String histogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /** The UIs the portal's Vaadin sessions hold now. */
    private static int uiCount(UiBenchmarkPortal portal) {
        int count = 0;
        for (Session s : tomcatSessions(portal)) {
            var http = s.getSession();
            for (String name : Collections.list(http.getAttributeNames())) {
                if (http.getAttribute(name) instanceof VaadinSession vaadin) {
                    vaadin.lock();
                    try {
                        count += vaadin.getUIs().size();
                    } finally {
                        vaadin.unlock();
                    }
                }
            }
        }
        return count;
    }

    private static List<Session> tomcatSessions(UiBenchmarkPortal portal) {
        Tomcat tomcat = ((TomcatWebServer) ((WebServerApplicationContext) portal.context).getWebServer()).getTomcat();
        Context context = (Context) tomcat.getHost().findChildren()[0];
        return new ArrayList<>(Arrays.asList(context.getManager().findSessions()));
    }

    private static String serialized(UiBenchmarkPortal portal) {
        return SERIALIZED ? "; serialized, mean of 20: " + serializedKb(portal) + " KB" : "";
    }

    /** The mean serialized size of 20 of the portal's HTTP sessions (their serializable attributes), in KB. */
    private static String serializedKb(UiBenchmarkPortal portal) {
        try {
            List<Session> sessions = tomcatSessions(portal);
            Collections.shuffle(sessions, new java.util.Random(1));
            long total = 0;
            int counted = 0;
            for (Session s : sessions.subList(0, Math.min(20, sessions.size()))) {
                var http = s.getSession();
                long bytes = 0;
                for (String name : Collections.list(http.getAttributeNames())) {
                    Object value = http.getAttribute(name);
                    if (value instanceof Serializable) {
                        bytes += serializedBytes(value);
                    }
                }
                total += bytes;
                counted++;
            }
            return counted == 0 ? "–" : String.format(Locale.ROOT, "%.1f", total / (double) counted / KB);
        } catch (Exception | LinkageError e) {
            return "– (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    private static long serializedBytes(Object value) throws IOException {
        long[] count = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
            out.writeObject(value);
        }
        return count[0];
    }
}
