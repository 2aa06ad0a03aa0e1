package org.baeum.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged portal ({@code target/baeum-*.jar}, copied out of {@code target/} first) running as its own
 * process on a free port with a fresh data folder: what a newcomer runs. One is shared by the classes that need no fresh
 * data ({@link Shared}); a class that does starts its own (decision 0054).
 */
final class PackagedPortal implements AutoCloseable {

    static final String DEMO_PASSWORD = "e2e-Demo-Pass-2026";
    /** {@code BAEUM_DRAW_SETTLE} and {@code BAEUM_DRAW_EVERY} of every journey's portal. */
    static final Duration DRAW_SETTLE = Duration.ofSeconds(2);
    static final Duration DRAW_EVERY = Duration.ofSeconds(2);

    /** Processes started (restarts included) in this JVM, for the log line that counts them. */
    private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

    private final Path workDir;
    private final Path jar;
    private final int port;
    private Process process;
    private Duration lastStartup;

    private PackagedPortal(Path workDir, Path jar, int port) {
        this.workDir = workDir;
        this.jar = jar;
        this.port = port;
    }

    static PackagedPortal start() throws Exception {
        Path built = Path.of(System.getProperty("baeum.e2e.jar", "target/baeum-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(built)) {
            throw new IllegalStateException("The packaged portal " + built + " is missing: run ./mvnw verify");
        }
        Path workDir = Files.createTempDirectory("baeum-e2e-");
        Path jar = Files.copy(built, workDir.resolve("baeum.jar"), StandardCopyOption.REPLACE_EXISTING);
        PackagedPortal portal = new PackagedPortal(workDir, jar, freePort());
        portal.launch();
        return portal;
    }

    void launch() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("portal.log").toFile()));
        Map<String, String> env = builder.environment();
        env.remove("BAEUM_MONGO_URI");
        env.remove("BAEUM_SMTP_HOST");
        env.put("BAEUM_PORT", Integer.toString(port));
        env.put("BAEUM_DATA_DIR", workDir.resolve("data").toString());
        env.put("BAEUM_DEMO_PASSWORD", DEMO_PASSWORD);
        // a round's draw within seconds of its close, not a minute or more: journeys wait for draws
        env.put("BAEUM_DRAW_SETTLE", DRAW_SETTLE.toString());
        env.put("BAEUM_DRAW_EVERY", DRAW_EVERY.toString());
        Instant started = Instant.now();
        process = builder.start();
        try {
            awaitReady(Duration.ofSeconds(300)); // 3 min were not enough once, at load average 70 on the 2 cores
        } catch (Exception | Error notReady) {
            stop(); // not left running after its test has failed (one was, after a start that timed out)
            throw notReady;
        }
        lastStartup = Duration.between(started, Instant.now());
        System.out.println("PackagedPortal start " + STARTS.incrementAndGet() + " in this JVM (pid " + process.pid()
                + ", port " + port + "): ready in " + lastStartup.toMillis() + " ms");
    }

    /** Stops the process gracefully and starts it again on the same data folder. */
    void restart() throws Exception {
        stop();
        launch();
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("The portal was not ready within " + timeout + ":\n" + log());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Duration lastStartup() {
        return lastStartup;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.readString(workDir.resolve("portal.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
