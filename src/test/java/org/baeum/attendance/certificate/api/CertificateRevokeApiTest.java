package org.baeum.attendance.certificate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateFixture;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/certificates/{code}/revoke}: STAFF only (401 without a token, 403 for the holder and for an
 * instructor, the certificate then still valid), 400 at the field for an empty or too long reason, 404 for an unknown
 * code, 409 the second time; a revoked code then verifies as revoked.
 */
@BaeumIntegrationTest
class CertificateRevokeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Certificates certificates;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TestAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void only_staff_revoke_with_a_reason_and_the_code_then_verifies_as_revoked() throws Exception {
        BaeumUser holder = accounts.citizen("cert.revoke.holder@test.baeum", "한가람", LocalDate.of(1952, 4, 4));
        BaeumUser instructor = accounts.userOrCreate("cert-revoke-instructor", Role.INSTRUCTOR);
        BaeumUser staff = accounts.userOrCreate("cert-revoke-staff", Role.STAFF);
        Certificate c = CertificateFixture.issue(certificates, holder, "한가람");
        String path = "/api/v1/certificates/" + c.code() + "/revoke";
        String body = "{\"reason\": \"중복 발급\"}";

        HttpResponse<String> anonymous = post(path, body, null, "ko");
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        HttpResponse<String> citizen = post(path, body, holder, "ko");
        assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(403);
        HttpResponse<String> teacher = post(path, body, instructor, "ko");
        assertThat(teacher.statusCode()).as(teacher.body()).isEqualTo(403);
        assertThat(json.readTree(get("/api/v1/certificates/" + c.code()).body()).get("valid").asBoolean()).isTrue();

        HttpResponse<String> empty = post(path, "{\"reason\": \"  \"}", staff, "ko");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("fields").get("reason").asString()).isEqualTo("취소 사유를 입력해 주세요.");
        HttpResponse<String> none = post(path, "{}", staff, "en");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json.readTree(none.body()).get("fields").get("reason").asString())
                .isEqualTo("Please give the reason for revoking it.");
        HttpResponse<String> tooLong = post(path, "{\"reason\": \"" + "가".repeat(Certificates.MAX_REASON + 1) + "\"}",
                staff, "ko");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLong.body()).get("fields").get("reason").asString()).isEqualTo("너무 깁니다.");
        assertThat(json.readTree(get("/api/v1/certificates/" + c.code()).body()).get("valid").asBoolean()).isTrue();

        String changed = (c.code().charAt(0) == 'A' ? 'B' : 'A') + c.code().substring(1);
        HttpResponse<String> unknown = post("/api/v1/certificates/" + changed + "/revoke", body, staff, "ko");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("code").asString()).isEqualTo("unknown_certificate");

        HttpResponse<String> revoked = post(path, body, staff, "ko");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).get("valid").asBoolean()).isFalse();
        HttpResponse<String> verified = get("/api/v1/certificates/" + c.code());
        assertThat(verified.statusCode()).isEqualTo(200);
        JsonNode v = json.readTree(verified.body());
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("revoked").asBoolean()).isTrue();
        assertThat(verified.body()).doesNotContain("중복 발급");

        HttpResponse<String> again = post(path, body, staff, "ko");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("code").asString()).isEqualTo("already_revoked");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, BaeumUser who, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (who != null) {
            b.header("Authorization", "Bearer " + tokens.issue(who).token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
