package org.baeum.recruitment.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.tools.ToolProvider;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawJson;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.DrawRepository;
import org.baeum.recruitment.internal.RoundDraws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/rounds/{id}/draw}, for anyone: 409 before the close, the application list with no seed between
 * the close and the draw, the drawn record after it, which {@code tools/VerifyDraw.java} verifies from the answer alone.
 * The scheduled draw job is paused so that the test decides when the draw runs.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class RoundDrawApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    Applications applications;
    @Autowired
    RoundDraws draws;
    @Autowired
    DrawRepository stored;

    @TempDir
    Path dir;

    static RoundFixture rounds;
    static EnrollmentFixture catalog;
    static BaeumUser a;
    static BaeumUser b;
    static BaeumUser c;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock,
                     @Autowired RoundService service) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        rounds = new RoundFixture(service, clock, accounts.create("draw-api-staff", Role.STAFF));
        a = accounts.citizen("draw.api.a@test.baeum", "가공개", LocalDate.of(1980, 1, 1));
        b = accounts.citizen("draw.api.b@test.baeum", "나공개", LocalDate.of(1981, 1, 1));
        c = accounts.citizen("draw.api.c@test.baeum", "다공개", LocalDate.of(1982, 1, 1));
    }


    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void the_record_is_refused_before_the_close_lists_the_applications_before_the_draw_and_verifies_after_it()
            throws Exception {
        List<OfferingId> offerings = List.of(catalog.offering(1, 0), catalog.offering(1, 0));
        Round round = rounds.open("PUBLIC", offerings);
        String id = round.id().value();
        String first = apply(a, round, offerings);
        String second = apply(b, round, List.of(offerings.get(1)));
        String withdrawn = apply(c, round, offerings);
        as(c, () -> applications.withdraw(withdrawn));

        HttpResponse<String> open = get(id, "ko");
        assertThat(open.statusCode()).isEqualTo(409);
        JsonNode refused = json.readTree(open.body());
        assertThat(refused.get("code").asString()).isEqualTo("not_closed");
        assertThat(refused.get("error").asString()).isEqualTo("추첨 신청 기간이 아직 끝나지 않아 추첨 기록이 없습니다.");
        assertThat(json.readTree(get(id, "en").body()).get("error").asString())
                .isEqualTo("The lottery is still taking applications, so there is no draw record yet.");
        assertThat(get("NO-SUCH-ROUND", "ko").statusCode()).isEqualTo(404);

        clock.advance(Duration.ofDays(1).minusHours(1).plusSeconds(10)); // closed; the draw waits a settling minute
        HttpResponse<String> closed = get(id, "ko");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(closed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        DrawRecord list = DrawJson.read(closed.body());
        assertThat(list.seed()).isNull();
        assertThat(list.drawnAt()).isNull();
        assertThat(list.order()).isEmpty();
        assertThat(list.results()).isEmpty();
        assertThat(list.commitment()).isEqualTo(round.commitment());
        // stored with Mongo's millisecond precision (the creating call's own answer has the clock's nanoseconds)
        assertThat(list.committedAt()).isEqualTo(round.committedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        assertThat(list.applications()).containsExactly(
                new DrawRecord.Application(first, 1, offerings.stream().map(OfferingId::value).toList(), 1, false),
                new DrawRecord.Application(second, 1, List.of(offerings.get(1).value()), 1, false));
        assertThat(closed.body()).doesNotContain("가공개").doesNotContain(a.accountId()).doesNotContain(withdrawn)
                .doesNotContain(database.getCollection("rounds").find(Filters.eq("_id", id)).first().getString("seed"));

        clock.advance(Duration.ofMinutes(1));
        SystemIdentity.call(draws::runDue);
        HttpResponse<String> drawn = get(id, "ko");
        assertThat(drawn.statusCode()).isEqualTo(200);
        DrawRecord record = DrawJson.read(drawn.body());
        assertThat(record).isEqualTo(stored.find(id).orElseThrow());
        assertThat(drawn.body()).isEqualTo(DrawJson.write(record));
        assertThat(record.applications()).isEqualTo(list.applications());
        assertThat(record.seed()).hasSize(64);
        assertThat(record.order()).containsExactlyInAnyOrder(first, second);
        assertThat(Draw.verify(record).message()).isEqualTo("verified");

        Path file = dir.resolve("draw.json");
        Files.writeString(file, drawn.body(), StandardCharsets.UTF_8);
        assertThat(verifyDraw(file)).isEqualTo("0 verified");
        String otherSeed = (record.seed().charAt(0) == '0' ? "1" : "0") + record.seed().substring(1);
        Files.writeString(file, drawn.body().replace(record.seed(), otherSeed), StandardCharsets.UTF_8);
        assertThat(verifyDraw(file)).isEqualTo("1 mismatch at commitment: expected "
                + Draw.commitment(java.util.HexFormat.of().parseHex(otherSeed)) + ", found " + record.commitment());
    }

    /** {@code tools/VerifyDraw.java} compiled on its own and run with only the JDK: "exit output". */
    private String verifyDraw(Path file) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                Path.of("tools", "VerifyDraw.java").toString())).isZero();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), "VerifyDraw", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + " " + out;
    }

    private HttpResponse<String> get(String roundId, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rounds/" + roundId + "/draw"))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String apply(BaeumUser who, Round round, List<OfferingId> choices) {
        return as(who, () -> applications.apply(round.id(), null, choices, false)).number();
    }

    private static <T> T as(BaeumUser user, Supplier<T> work) {
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
