package org.baeum.recruitment.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.recruitment.draw.DrawVectors.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.baeum.recruitment.draw.DrawRecord.Application;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the stand-alone verifier with the JDK running the tests and nothing else on the class path, on records written
 * by {@link DrawJson}: it and the library agree on the vectors and on the first mismatch of a tampered copy. The first
 * test runs the documented command itself ({@code java tools/VerifyDraw.java draw.json}, source-file mode); the others
 * run the same file compiled once with {@code javax.tools}, to keep the test quick.
 */
class VerifyDrawToolTest {

    private static final Path TOOL = Path.of("tools", "VerifyDraw.java");

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    @TempDir
    static Path classes;

    @BeforeAll
    static void compile() {
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                TOOL.toString());
        assertThat(exit).as("javac tools/VerifyDraw.java").isZero();
    }

    @Test
    void theDocumentedCommandVerifiesThePublishedVectors() throws Exception {
        Path file = dir.resolve("draw.json");
        Files.writeString(file, DrawJson.write(record()), StandardCharsets.UTF_8);
        assertThat(start(TOOL.toString(), file.toString())).isEqualTo(new Run(0, "verified"));
    }

    @Test
    void aTamperedCopyFailsWithTheSameFirstMismatchAsTheLibrary() throws Exception {
        DrawRecord r = record();
        List<Application> applications = new ArrayList<>(r.applications());
        Application a = applications.get(4);
        applications.set(4, new Application(a.number(), a.weight(), List.of("POOL-A"), a.seats(), a.reserved()));
        DrawRecord tampered = new DrawRecord(r.rule(), r.ruleText(), r.round(), r.commitment(), r.committedAt(),
                r.seed(), r.drawnAt(), r.offerings(), applications, r.order(), r.results());
        String expected = "mismatch at results[0] (" + N1 + "): expected lost, found POOL-A (general)";
        assertThat(Draw.verify(tampered).message()).isEqualTo(expected);
        assertThat(run(DrawJson.write(tampered))).isEqualTo(new Run(1, expected));
    }

    @Test
    void editsToTheJsonTextAreFound() throws Exception {
        String json = DrawJson.write(record());
        String weight = json.replace("\"weight\" : 2", "\"weight\" : 1");
        assertThat(weight).isNotEqualTo(json);
        assertThat(run(weight)).isEqualTo(new Run(1, Draw.verify(DrawJson.read(weight)).message()))
                .isEqualTo(new Run(1, "mismatch at order[0]: expected " + N5 + ", found " + N2));

        String seed = json.replace(SEED_HEX, "00" + SEED_HEX.substring(2));
        Run seedRun = run(seed);
        assertThat(seedRun.exit()).isEqualTo(1);
        assertThat(seedRun.out()).isEqualTo(Draw.verify(DrawJson.read(seed)).message())
                .startsWith("mismatch at commitment: expected ").endsWith(", found " + COMMITMENT);
    }

    @Test
    void anUnreadableFileIsNotVerified() throws Exception {
        Run run = run("{\"rule\": ");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith("unreadable: JSON: expected a value");
    }

    private Run run(String json) throws IOException, InterruptedException {
        Path file = dir.resolve("draw.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return start("-cp", classes.toString(), "VerifyDraw", file.toString());
    }

    private static Run start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }
}
