package org.baeum.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import java.util.List;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.audit.AccessLogQuery;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.reporting.ExportFiles;
import org.baeum.reporting.TestExportReports;
import org.baeum.reporting.internal.XlsxExport;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/v1/reports}: STAFF read the list and each report as JSON (people / personSessions said apart) and as
 * XLSX, CSV and PDF downloads that hold the same numbers; citizens and instructors get 403, no token 401; an unknown
 * report 404; a bad parameter 400 naming it.
 */
@BaeumIntegrationTest
class ReportsApiTest {

    static final String TABLE = "/api/v1/reports/" + TestExportReports.TABLE;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccessLog accessLog;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void only_staff_and_admin_read_reports() throws Exception {
        BaeumUser citizen = accounts.citizen("report.api.citizen@test.baeum", "한시민", LocalDate.of(1980, 1, 1));
        BaeumUser instructor = accounts.userOrCreate("report-api-instructor", Role.INSTRUCTOR);
        for (String path : new String[]{"/api/v1/reports", TABLE, TABLE + "?format=xlsx", "/api/v1/reports/annual"}) {
            HttpResponse<String> anonymous = get(path, null, "ko");
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).isEqualTo("{\"error\":\"unauthorized\"}");
            for (BaeumUser refused : new BaeumUser[]{citizen, instructor}) {
                HttpResponse<String> answer = get(path, refused, "ko");
                assertThat(answer.statusCode()).as(path).isEqualTo(403);
                assertThat(answer.body()).isEqualTo("{\"error\":\"forbidden\"}");
            }
        }
        BaeumUser admin = accounts.userOrCreate("report-api-admin", Role.ADMIN);
        assertThat(get("/api/v1/reports", admin, "ko").statusCode()).isEqualTo(200);
    }

    @Test
    void staff_get_the_list_and_the_json_with_people_and_person_sessions_said_apart() throws Exception {
        BaeumUser staff = accounts.userOrCreate("report-api-staff", Role.STAFF);
        HttpResponse<String> list = get("/api/v1/reports", staff, "ko");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode names = json.readTree(list.body());
        assertThat(names.valueStream().map(n -> n.get("name").asString())).contains(TestExportReports.TABLE,
                TestExportReports.DETAIL);
        assertThat(names.get(0).has("title")).isTrue();

        HttpResponse<String> answer = get(TABLE + "?from=2026-01-01&to=2026-06-30&audience=adult", staff, "ko");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode report = json.readTree(answer.body());
        assertThat(report.get("name").asString()).isEqualTo(TestExportReports.TABLE);
        assertThat(report.get("title").asString()).isEqualTo("시험 운영 현황");
        assertThat(report.get("asOf").asString()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(report.get("headerRows").get(0).get(0).toString())
                .isEqualTo("{\"label\":\"구분\",\"colspan\":1,\"rowspan\":2}");
        assertThat(report.get("columns").get(1).get("key").asString()).isEqualTo("adultPeople");
        assertThat(report.get("columns").get(1).get("kind").asString()).isEqualTo("PEOPLE");
        JsonNode first = report.get("rows").get(0);
        assertThat(first.get("course").asString()).isEqualTo("3개월 강좌");
        assertThat(first.get("adultPeople").toString()).isEqualTo("{\"people\":113}");
        assertThat(first.get("adultSessions").toString()).isEqualTo("{\"personSessions\":10840}");
        assertThat(first.get("fee").asLong()).isEqualTo(1_234_567L);
        assertThat(first.get("rate").asDouble()).isEqualTo(96.4);
        assertThat(report.get("rows").get(1).get("youthPeople").toString()).isEqualTo("{\"people\":null}");
        assertThat(report.get("footnotes").get(0).asString()).isEqualTo("실인원: 서로 다른 참여자 수");
    }

    @Test
    void the_xlsx_download_holds_the_numbers_and_merged_headings_of_the_json() throws Exception {
        BaeumUser staff = accounts.userOrCreate("report-api-staff", Role.STAFF);
        JsonNode report = json.readTree(get(TABLE, staff, "ko").body());
        HttpResponse<byte[]> file = getBytes(TABLE + "?format=xlsx", staff);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String listed = json.readTree(get("/api/v1/reports", staff, "ko").body()).valueStream()
                .filter(n -> n.get("name").asString().equals(TestExportReports.TABLE)).findFirst().orElseThrow()
                .get("title").asString();
        int year = LocalDate.now().getYear();
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .isEqualTo(listed + " " + year + "-01-01~" + year + "-12-31.xlsx");

        Map<Integer, Map<Integer, Cell>> cells = ExportFiles.cells(file.body(), 0);
        int headings = report.get("headerRows").size();
        int firstRow = XlsxExport.FIRST_HEADING_ROW + headings + 1;
        JsonNode columns = report.get("columns");
        for (int r = 0; r < report.get("rows").size(); r++) {
            JsonNode row = report.get("rows").get(r);
            for (int c = 0; c < columns.size(); c++) {
                JsonNode v = row.get(columns.get(c).get("key").asString());
                JsonNode number = v.isObject() ? v.values().iterator().next() : v;
                Cell cell = cells.get(firstRow + r).get(c);
                if (number.isNumber()) {
                    assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
                    assertThat(cell.asNumber().doubleValue()).isEqualTo(number.asDouble());
                } else if (number.isNull()) {
                    assertThat(cell == null || cell.getType() == CellType.EMPTY).isTrue();
                }
            }
        }
        assertThat(ExportFiles.merged(file.body(), 1)).isEqualTo(mergedFromJson(report.get("headerRows"),
                columns.size()));
    }

    @Test
    void csv_and_pdf_downloads_and_the_annual_report() throws Exception {
        BaeumUser staff = accounts.userOrCreate("report-api-staff", Role.STAFF);
        HttpResponse<byte[]> csv = getBytes(TABLE + "?format=CSV&from=2026-01-01&to=2026-12-31", staff);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF구분 과정,성인 실인원,");

        HttpResponse<byte[]> pdf = getBytes(TABLE + "?format=pdf", staff);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(ExportFiles.pdfText(pdf.body())).contains("시험 운영 현황", "성인", "연인원");

        HttpResponse<byte[]> annual = getBytes("/api/v1/reports/annual?year=2026", staff);
        assertThat(annual.statusCode()).isEqualTo(200);
        assertThat(annual.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(ExportFiles.pdfText(annual.body())).contains("2026년 평생학습 연간 보고서", "시험 운영 현황");
    }

    @Test
    void a_detail_download_is_logged_once_with_who_which_report_and_the_address() throws Exception {
        BaeumUser staff = accounts.userOrCreate("report-api-detail-staff", Role.STAFF);
        HttpResponse<byte[]> csv = getBytes("/api/v1/reports/" + TestExportReports.DETAIL + "?format=csv"
                + "&from=2026-01-01&to=2026-03-31", staff);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("김배움");
        assertThat(getBytes(TABLE + "?format=csv", staff).statusCode()).isEqualTo(200);
        TestAccounts.signIn(accounts.userOrCreate("report-api-admin", Role.ADMIN));
        try {
            List<AccessLogEntry> entries = accessLog.page(new AccessLogQuery(null, null, staff.getUsername(), null,
                    null), 0, 10);
            assertThat(entries).hasSize(1);
            AccessLogEntry entry = entries.getFirst();
            assertThat(entry.action()).isEqualTo(AccessAction.EXPORT_PERSONAL_DATA);
            assertThat(entry.detail()).isEqualTo("report " + TestExportReports.DETAIL
                    + " CSV; 2026-01-01..2026-03-31; with detail rows");
            assertThat(entry.clientAddress()).isNotBlank();
        } finally {
            TestAccounts.signOut();
        }
    }

    @Test
    void unknown_reports_get_404_and_bad_parameters_400_naming_them() throws Exception {
        BaeumUser staff = accounts.userOrCreate("report-api-staff", Role.STAFF);
        HttpResponse<String> unknown = get("/api/v1/reports/nope", staff, "ko");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"'nope'라는 보고서는 없습니다.\"}");

        HttpResponse<String> from = get(TABLE + "?from=2026-13-01", staff, "ko");
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(from.body()).isEqualTo("{\"error\":\"invalid_parameter\",\"parameter\":\"from\",\"message\":"
                + "\"조건 'from'의 값 '2026-13-01'이(가) 올바르지 않아 요청을 거절했습니다.\"}");
        HttpResponse<String> english = get(TABLE + "?from=yesterday", staff, "en");
        assertThat(json.readTree(english.body()).get("message").asString())
                .isEqualTo("The value 'yesterday' of the parameter 'from' is not valid; the request was refused.");
        HttpResponse<String> period = get(TABLE + "?from=2026-05-01&to=2026-04-30", staff, "en");
        assertThat(period.statusCode()).isEqualTo(400);
        assertThat(json.readTree(period.body()).get("parameter").asString()).isEqualTo("to");
        HttpResponse<String> ages = get(TABLE + "?from=-999999999-01-01&to=%2B999999999-12-31", staff, "en");
        assertThat(ages.statusCode()).as("a period of ages is refused before any table is built").isEqualTo(400);
        assertThat(ages.body()).isEqualTo("{\"error\":\"invalid_parameter\",\"parameter\":\"from\",\"message\":"
                + "\"The period must lie between 2000 and 2100 and span at most 5 calendar years.\"}");
        HttpResponse<String> decade = get(TABLE + "?from=2016-01-01&to=2026-12-31", staff, "ko");
        assertThat(decade.statusCode()).isEqualTo(400);
        assertThat(json.readTree(decade.body()).get("parameter").asString()).isEqualTo("to");
        for (String bad : new String[]{"format=docx", "audience=martians", "termType=x", "branch=%3Cb%3E"}) {
            HttpResponse<String> answer = get(TABLE + "?" + bad, staff, "ko");
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("parameter").asString()).isEqualTo(bad.split("=")[0]);
        }
        HttpResponse<String> year = get("/api/v1/reports/annual?year=abc", staff, "ko");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(json.readTree(year.body()).get("parameter").asString()).isEqualTo("year");
    }

    /** The merged regions the JSON's heading rows describe, placed here as an HTML table places them. */
    private static Set<String> mergedFromJson(JsonNode headerRows, int columns) {
        Set<String> refs = new HashSet<>();
        boolean[][] taken = new boolean[headerRows.size()][columns];
        for (int r = 0; r < headerRows.size(); r++) {
            int c = 0;
            for (JsonNode cell : headerRows.get(r)) {
                while (taken[r][c]) {
                    c++;
                }
                int rows = cell.get("rowspan").asInt();
                int cols = cell.get("colspan").asInt();
                for (int i = r; i < r + rows; i++) {
                    for (int j = c; j < c + cols; j++) {
                        taken[i][j] = true;
                    }
                }
                if (rows > 1 || cols > 1) {
                    int top = XlsxExport.FIRST_HEADING_ROW + r;
                    refs.add(ExportFiles.ref(top, c, top + rows - 1, c + cols - 1));
                }
                c += cols;
            }
        }
        return refs;
    }

    private HttpResponse<String> get(String path, BaeumUser who, String language) throws Exception {
        return http.send(request(path, who, language), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path, BaeumUser who) throws Exception {
        return http.send(request(path, who, "ko"), HttpResponse.BodyHandlers.ofByteArray());
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
