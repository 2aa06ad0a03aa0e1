package org.baeum.attendance.certificate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateFixture;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/certificates/{code}} for anyone, signed in or not: the issue's shape with the name masked, 404 for
 * a changed code, {@code valid} false for a revoked one; and {@code /pdf} only for the holder's household and STAFF.
 */
@BaeumIntegrationTest
class CertificatesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Certificates certificates;
    @Autowired
    ApiTokens tokens;

    static BaeumUser holder;
    static BaeumUser neighbour;
    static BaeumUser staff;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired TestAccounts accounts) {
        holder = accounts.citizen("cert.api.holder@test.baeum", "박지성", LocalDate.of(1950, 2, 2));
        neighbour = accounts.citizen("cert.api.neighbour@test.baeum", "최이웃", LocalDate.of(1951, 3, 3));
        staff = accounts.create("cert-api-staff", Role.STAFF);
    }

    @Test
    void anyone_verifies_a_code_a_changed_one_is_not_found_and_a_revoked_one_is_not_valid() throws Exception {
        Certificate c = CertificateFixture.issue(certificates, holder, "박지성");

        HttpResponse<String> ok = get("/api/v1/certificates/" + c.code(), null, "ko");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode body = json.readTree(ok.body());
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("program").asString()).isEqualTo("늘푸른학교 초등 문해 과정");
        assertThat(body.get("term").asString()).isEqualTo("2026년 2학기");
        assertThat(body.get("hours").asDouble()).isEqualTo(36.0);
        assertThat(body.get("issuedOn").asString()).isEqualTo(c.issuedOn().toString());
        assertThat(body.get("holder").asString()).isEqualTo("박*성");
        assertThat(body.get("revoked").asBoolean()).isFalse();
        assertThat(ok.body()).doesNotContain("박지성").doesNotContain("1950").doesNotContain(holder.accountId());
        assertThat(json.readTree(get("/api/v1/certificates/" + c.code(), null, "en").body()).get("program").asString())
                .isEqualTo("Evergreen School elementary literacy course");

        String changed = (c.code().charAt(0) == 'A' ? 'B' : 'A') + c.code().substring(1);
        HttpResponse<String> unknown = get("/api/v1/certificates/" + changed, null, "ko");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("code").asString()).isEqualTo("unknown_certificate");

        TestAccounts.signIn(staff);
        try {
            certificates.revoke(c.code(), "중복 발급");
        } finally {
            TestAccounts.signOut();
        }
        HttpResponse<String> revoked = get("/api/v1/certificates/" + c.code(), null, "ko");
        assertThat(revoked.statusCode()).isEqualTo(200);
        JsonNode r = json.readTree(revoked.body());
        assertThat(r.get("valid").asBoolean()).isFalse();
        assertThat(r.get("revoked").asBoolean()).isTrue();
        assertThat(r.get("revokedOn").asString()).isNotBlank();
        assertThat(revoked.body()).doesNotContain("중복 발급");
    }

    @Test
    void the_pdf_is_for_the_holders_household_and_staff_only() throws Exception {
        Certificate c = CertificateFixture.issue(certificates, holder, "박지성");
        String path = "/api/v1/certificates/" + c.code() + "/pdf";

        assertThat(get(path, null, "ko").statusCode()).isEqualTo(401);
        HttpResponse<String> other = get(path, neighbour, "ko");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("박지성");

        HttpResponse<byte[]> own = http.send(request(path, holder, "ko"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(own.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("박지성", "늘푸른학교 초등 문해 과정", "36시간");
        }
        assertThat(get(path, staff, "ko").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/certificates/AAAAAAAAAAAA/pdf", holder, "ko").statusCode()).isEqualTo(404);
    }

    @Test
    void the_verification_page_opens_without_signing_in_but_a_staff_page_does_not() throws Exception {
        Certificate c = CertificateFixture.issue(certificates, holder, "박지성");
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = noRedirects.send(request("/certificates/" + c.code(), null, "ko"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(200);
        // the same request to a STAFF page is sent to sign in: the 200 above is the route's own permission
        HttpResponse<String> staffPage = noRedirects.send(request("/staff/rounds", null, "ko"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staffPage.statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> get(String path, BaeumUser who, String language) throws Exception {
        return http.send(request(path, who, language), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, BaeumUser who, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).GET();
        if (who != null) {
            b.header("Authorization", "Bearer " + tokens.issue(who).token());
        }
        return b.build();
    }
}
