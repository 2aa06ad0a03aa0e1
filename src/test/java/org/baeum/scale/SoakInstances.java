package org.baeum.scale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.baeum.BenchmarkPortal;
import org.baeum.base.mongo.EmbeddedMongoServer;
import org.baeum.base.mongo.MongoSettings;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The soak's two instances on one database, as {@link FaultDrills} has them: the embedded database (H2 file in a temp
 * folder) and one SMTP server (GreenMail, every delivery counted by Message-ID and recipient) in this JVM; instance A a
 * whole portal in this JVM ({@link BenchmarkPortal}; the load client and the database share its heap); instance B a
 * whole portal in a child process ({@code org.baeum.Application}, main class path only, {@code -Xmx} {@link #HEAP_B}),
 * so that its heap is its own. Both in Vaadin production mode with the session idle timeout given.
 */
final class SoakInstances implements AutoCloseable {

    static final String HEAP_B = System.getProperty("benchmark.soakHeapB", "768m");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    final Path dir;
    final EmbeddedMongoServer database;
    final GreenMail smtp;
    /** "Message-ID recipient" → times received. */
    final Map<String, Integer> received = new HashMap<>();
    /** The raw size of every message received, bytes (what GreenMail would hold if it kept them). */
    final AtomicLong receivedBytes = new AtomicLong();
    /**
     * Whether GreenMail keeps every message it received ({@code benchmark.soakKeepMail}, false): the deliveries are
     * counted as they arrive ({@link #received}), so the messages are dropped at every sample ({@link #dropHeldMail()});
     * kept, they are a harness structure that grows in A's heap with every mail (docs/performance.md, "Where A's heap
     * went").
     */
    static final boolean KEEP_MAIL = Boolean.getBoolean("benchmark.soakKeepMail");
    final ConfigurableApplicationContext a;
    final Process b;
    final URI baseA;
    final URI baseB;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SoakInstances(String idleTimeout) throws Exception {
        dir = Files.createTempDirectory("baeum-soak-");
        MongoSettings db = new MongoSettings("", "baeum", dir.resolve("db"), freePort(), Duration.ofSeconds(10),
                MongoSettings.EmbeddedStore.H2);
        database = EmbeddedMongoServer.start(db);
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        var everything = smtp.getUserManager().createUser("soak@baeum.localhost", "soak", "soak");
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
            synchronized (received) {
                received.merge(message.getMessage().getMessageID() + " " + address.getEmail(), 1, Integer::sum);
            }
            try {
                CountingStream size = new CountingStream();
                message.getMessage().writeTo(size);
                receivedBytes.addAndGet(size.count);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return everything;
        });
        List<String> args = List.of("--baeum.mongo.uri=mongodb://127.0.0.1:" + db.embeddedPort(),
                "--baeum.mail.host=127.0.0.1", "--baeum.mail.port=" + smtpPort, "--baeum.mail.starttls=false",
                "--baeum.demo.enabled=false", "--server.address=127.0.0.1", "--vaadin.productionMode=true",
                "--baeum.security.session.idle-timeout=" + idleTimeout,
                "--logging.level.org.baeum.enrollment=warn", "--logging.level.org.baeum.notification=warn",
                "--logging.level.org.baeum.base.scheduling=warn", "--logging.level.org.baeum.catalog=warn",
                "--logging.level.org.baeum.booking=warn", "--logging.level.org.baeum.base.security=warn",
                "--logging.level.org.mongodb.driver=error");
        List<String> argsA = new ArrayList<>(args);
        argsA.add("--server.port=0");
        a = BenchmarkPortal.start(argsA.toArray(String[]::new));
        baseA = URI.create("http://127.0.0.1:" + a.getEnvironment().getRequiredProperty("local.server.port") + "/");
        int portB = freePort();
        baseB = URI.create("http://127.0.0.1:" + portB + "/");
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !Path.of(p).normalize().endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java("java"), "-Xmx" + HEAP_B, "-Duser.timezone=Asia/Seoul",
                "-cp", classPath, "org.baeum.Application", "--server.port=" + portB));
        command.addAll(args);
        b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("instance-b.log").toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(b::destroyForcibly));
        long t0 = System.nanoTime();
        while (!health(baseB).contains("\"status\":\"UP\"")) {
            if (!b.isAlive() || (System.nanoTime() - t0) / 1e9 > 240) {
                throw new IllegalStateException("B did not come up; see " + dir.resolve("instance-b.log"));
            }
            Thread.sleep(250);
        }
    }

    /** Drops the messages GreenMail holds (they were counted on arrival), unless {@link #KEEP_MAIL}. */
    void dropHeldMail() throws Exception {
        if (!KEEP_MAIL) {
            smtp.purgeEmailFromAllMailboxes();
        }
    }

    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    List<URI> bases() {
        return List.of(baseA, baseB);
    }

    String health(URI base) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** A's heap used after a full GC (System.gc(), G1 collects fully), bytes: portal A, the database, the client. */
    long heapA() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    long maxHeapA() {
        return Runtime.getRuntime().maxMemory();
    }

    /** B's heap used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), bytes; -1 if unreadable. */
    long heapB() throws Exception {
        jcmd("GC.run");
        Matcher m = USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(java("jcmd"), String.valueOf(b.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /** The open HTTP sessions of an instance (Tomcat's active sessions, from its Prometheus endpoint as ADMIN). */
    long sessions(URI base, String adminToken) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("tomcat_sessions_active_current_sessions")) {
                    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        b.destroy();
        b.waitFor();
        a.close();
        smtp.stop();
        database.close();
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
