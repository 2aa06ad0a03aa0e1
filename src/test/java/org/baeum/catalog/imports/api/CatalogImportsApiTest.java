package org.baeum.catalog.imports.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.imports.ImportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/catalog-imports}: a dry run stores nothing, an apply with an error is 422, a good one applies. */
@BaeumIntegrationTest
class CatalogImportsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CatalogService catalog;

    static BaeumUser staff;
    static BaeumUser citizen;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        staff = accounts.userOrCreate("import-api-staff", Role.STAFF);
        citizen = accounts.userOrCreate("import-api-citizen", Role.CITIZEN);
    }

    private HttpResponse<String> post(String query, BaeumUser who, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/catalog-imports" + query))
                .header("Accept-Language", "en")
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (who != null) {
            b.header("Authorization", "Bearer " + tokens.issue(who).token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] file(String fee) {
        Map<String, Object> program = new HashMap<>(Map.of("code", "A-P1", "titleKo", "API 가져오기", "branchId", "main",
                "domain", "ACCESS", "area", "LIBERAL_ARTS", "audience", "ADULT", "kind", "CLASS", "fee", fee));
        return new ImportFiles().program(program).xlsx();
    }

    @Test
    void dry_run_then_a_refused_apply_then_an_apply() throws Exception {
        HttpResponse<String> dry = post("", staff, file("30000"));
        assertThat(dry.statusCode()).isEqualTo(200);
        JsonNode preview = json.readTree(dry.body());
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("created").asLong()).isEqualTo(1);
        assertThat(preview.get("rows").get(0).get("outcome").asString()).isEqualTo("CREATE");
        assertThat(SystemIdentity.call(() -> catalog.program(new ProgramId("imp-A-P1")))).isEmpty();

        HttpResponse<String> refused = post("?dryRun=false", staff, file("lots"));
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode row = json.readTree(refused.body()).get("rows").get(0);
        assertThat(row.get("outcome").asString()).isEqualTo("ERROR");
        assertThat(row.get("problems").get("fee").asString()).isEqualTo("This value cannot be read. Write it like this: 30000");

        HttpResponse<String> applied = post("?dryRun=false", staff, file("30000"));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(json.readTree(applied.body()).get("applied").asBoolean()).isTrue();
        assertThat(post("?dryRun=false", staff, file("30000")).body()).contains("\"unchanged\":1", "\"created\":0");
    }

    @Test
    void a_bad_file_is_400_and_citizens_are_refused() throws Exception {
        HttpResponse<String> bad = post("", staff, "not a spreadsheet".getBytes());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("error").asString()).isEqualTo("invalid_file");
        HttpResponse<String> refused = post("?dryRun=false", citizen, file("30000"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\":\"forbidden\"");
        assertThat(post("", null, file("30000")).statusCode()).isEqualTo(401);
    }
}
