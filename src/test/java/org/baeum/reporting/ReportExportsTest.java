package org.baeum.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.audit.AccessLogQuery;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.reporting.internal.XlsxExport;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@link ReportExports} on the fixed test reports ({@link TestExportReports}): XLSX numbers and merged headings, CSV
 * with BOM, formula neutralisation, PDF text in Korean, the annual report's sections, the access log, refusals.
 */
@BaeumIntegrationTest
class ReportExportsTest {

    static final ReportQuery YEAR = ReportQuery.year(2026);
    static final int FIRST_ROW = XlsxExport.FIRST_HEADING_ROW + 3; // two heading rows and the labels

    @Autowired
    ReportExports exports;
    @Autowired
    Reports reports;
    @Autowired
    AccessLog accessLog;
    @Autowired
    TestAccounts accounts;

    BaeumUser staff;

    @BeforeEach
    void signIn() {
        staff = accounts.userOrCreate("report-export-staff", Role.STAFF);
        TestAccounts.signIn(staff);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void xlsx_holds_the_numbers_as_numbers_and_the_headings_merged_as_the_table() throws IOException {
        byte[] xlsx = export(TestExportReports.TABLE, ExportFormat.XLSX);
        ReportTable table = reports.run(TestExportReports.TABLE, YEAR, Locale.KOREAN).orElseThrow();
        Map<Integer, Map<Integer, Cell>> cells = ExportFiles.cells(xlsx, 0);

        assertThat(cells.get(0).get(0).getText()).isEqualTo("시험 운영 현황");
        int h = XlsxExport.FIRST_HEADING_ROW;
        assertThat(ExportFiles.merged(xlsx, 1)).containsExactlyInAnyOrder(ExportFiles.ref(h, 0, h + 1, 0),
                ExportFiles.ref(h, 1, h, 2), ExportFiles.ref(h, 3, h, 4), ExportFiles.ref(h, 5, h + 1, 5),
                ExportFiles.ref(h, 6, h + 1, 6));
        assertThat(cells.get(h).get(1).getText()).isEqualTo("성인");
        assertThat(cells.get(h + 1).get(2).getText()).isEqualTo("연인원");
        assertThat(cells.get(h + 2).get(0).getText()).isEqualTo("과정");
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> expected = table.rows().get(r);
            Map<Integer, Cell> row = cells.get(FIRST_ROW + r);
            for (int c = 1; c < expected.size(); c++) {
                if (expected.get(c) == null) {
                    assertThat(row.get(c) == null || row.get(c).getType() == CellType.EMPTY).isTrue();
                    continue;
                }
                assertThat(row.get(c).getType()).as("row %d col %d", r, c).isEqualTo(CellType.NUMBER);
                assertThat(row.get(c).asNumber().doubleValue()).isEqualTo(((Number) expected.get(c)).doubleValue());
            }
        }
        assertThat(cells.get(FIRST_ROW).get(5).getDataFormatString()).isEqualTo("#,##0");
        assertThat(cells.get(FIRST_ROW).get(6).getDataFormatString()).isEqualTo("0.0");
        int notes = FIRST_ROW + table.rows().size() + 1;
        assertThat(cells.get(notes).get(0).getText()).isEqualTo("실인원: 서로 다른 참여자 수");
    }

    @Test
    void formulas_are_neutralised_in_csv_and_xlsx_and_numbers_stay_numbers() throws IOException {
        Map<Integer, Map<Integer, Cell>> cells = ExportFiles.cells(export(TestExportReports.TABLE, ExportFormat.XLSX), 0);
        assertThat(List.of(1, 2, 3, 4).stream().map(r -> cells.get(FIRST_ROW + r).get(0).getText()))
                .containsExactly("'=SUM(B1:B9)", "'+82 문해", "'-1 음수", "'@cmd 명령");
        assertThat(cells.get(FIRST_ROW).get(0).getText()).isEqualTo("3개월 강좌");

        List<List<String>> csv = csv(export(TestExportReports.TABLE, ExportFormat.CSV));
        assertThat(List.of(2, 3, 4, 5).stream().map(r -> csv.get(r).getFirst()))
                .containsExactly("'=SUM(B1:B9)", "'+82 문해", "'-1 음수", "'@cmd 명령");

        Map<Integer, Map<Integer, Cell>> detail = ExportFiles.cells(export(TestExportReports.DETAIL, ExportFormat.XLSX), 1);
        assertThat(detail.get(1).get(1).getText()).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(detail.get(2).get(1).getText()).isEqualTo("'+1 추가");
        assertThat(detail.get(1).get(2).getType()).isEqualTo(CellType.NUMBER);
    }

    @Test
    void csv_has_a_bom_one_flattened_header_plain_numbers_and_the_detail_rows_after_a_blank_line() throws IOException {
        byte[] bytes = export(TestExportReports.DETAIL, ExportFormat.CSV);
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> csv = csv(bytes);
        assertThat(csv.get(0)).containsExactly("구분 과정", "성인 실인원", "성인 연인원", "청소년·어린이 실인원",
                "청소년·어린이 연인원", "수강료 수강료(원)", "이수율 이수율(%)");
        assertThat(csv.get(1)).containsExactly("3개월 강좌", "113", "10840", "20", "300", "1234567", "96.4");
        assertThat(csv.get(2)).containsExactly("'=SUM(B1:B9)", "9", "10074", "", "", "0", "50");
        assertThat(csv.get(6)).containsExactly("쉼표, \"따옴표\"", "16", "17", "18", "19", "20", "33.3");
        assertThat(csv.get(7)).containsExactly("");
        assertThat(csv.get(8)).containsExactly("이름", "메모", "수강료");
        assertThat(csv.subList(9, csv.size())).containsExactly(List.of("김배움", "'=HYPERLINK(\"http://x\")", "30000"),
                List.of("이평생", "'+1 추가", "45000"), List.of("박학습", "", ""));
    }

    @Test
    void the_pdf_shows_the_title_and_the_korean_headings() throws IOException {
        String text = ExportFiles.pdfText(export(TestExportReports.TABLE, ExportFormat.PDF));
        assertThat(text).contains("시험 운영 현황", "구분", "성인", "청소년·어린이", "실인원", "연인원", "과정", "10,840",
                "96.4%", "실인원: 서로 다른 참여자 수", "1 / 1");
    }

    @Test
    void the_annual_report_has_a_cover_and_one_section_per_report() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.annualReport(2026, Locale.KOREAN, out);
        List<String> titles = reports.list(Locale.KOREAN).stream()
                .map(i -> reports.run(i.name(), YEAR, Locale.KOREAN).orElseThrow().title()).toList();
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            List<String> sections = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                sections.add(item.getTitle());
            }
            assertThat(sections).containsExactlyElementsOf(titles);
            assertThat(doc.getNumberOfPages()).isGreaterThan(titles.size());
        }
        String text = ExportFiles.pdfText(out.toByteArray());
        assertThat(text).contains("배움 평생학습관", "2026년 평생학습 연간 보고서", "시험 운영 현황", "시험 신청 흐름",
                "성인 실인원"); // the chart of the first 실인원 column
    }

    @Test
    void a_detail_export_writes_one_access_log_line_and_a_table_export_none() throws IOException {
        long before = exportsLogged();
        export(TestExportReports.TABLE, ExportFormat.XLSX);
        export(TestExportReports.TABLE, ExportFormat.CSV);
        export(TestExportReports.DETAIL, ExportFormat.PDF); // the PDF holds the table only
        assertThat(exportsLogged()).isEqualTo(before);

        export(TestExportReports.DETAIL, ExportFormat.CSV);
        assertThat(exportsLogged()).isEqualTo(before + 1);
        AccessLogEntry entry = asAdmin(() -> accessLog.page(query(), 0, 1)).getFirst();
        assertThat(entry.detail()).contains(TestExportReports.DETAIL, "CSV", "2026-01-01..2026-12-31")
                .doesNotContain("김배움", "이평생");
        assertThat(entry.subjectAccountId()).isNull();
    }

    @Test
    void a_table_that_names_people_is_logged_in_every_format_and_when_shown() throws IOException {
        long before = exportsLogged();
        export(TestExportReports.PERSONAL, ExportFormat.PDF);
        export(TestExportReports.PERSONAL, ExportFormat.XLSX);
        assertThat(exports.table(TestExportReports.PERSONAL, YEAR, Locale.KOREAN).title()).isEqualTo("시험 개인별 현황");
        assertThat(exportsLogged()).isEqualTo(before + 3);
        assertThat(asAdmin(() -> accessLog.page(query(), 0, 1)).getFirst().detail())
                .isEqualTo("report test-exports-personal JSON; 2026-01-01..2026-12-31");
        exports.table(TestExportReports.TABLE, YEAR, Locale.KOREAN);
        assertThat(exportsLogged()).isEqualTo(before + 3);
    }

    @Test
    void unknown_reports_are_refused_and_so_is_anyone_but_staff() {
        assertThatThrownBy(() -> export("no-such-report", ExportFormat.CSV)).isInstanceOf(UnknownReportException.class);
        TestAccounts.signIn(accounts.userOrCreate("report-export-instructor", Role.INSTRUCTOR));
        assertThatThrownBy(() -> export(TestExportReports.TABLE, ExportFormat.CSV))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.annualReport(2026, Locale.KOREAN, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void two_hundred_thousand_detail_rows_stream_into_the_second_sheet() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report-stream", ".xlsx");
        try {
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                exports.write(TestExportReports.STREAM, YEAR, ExportFormat.XLSX, Locale.KOREAN, out);
            }
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile());
                 var rows = wb.getSheet(1).orElseThrow().openStream()) {
                assertThat(rows.count()).isEqualTo(TestExportReports.MANY + 1L);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private byte[] export(String name, ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(name, YEAR, format, Locale.KOREAN, out);
        return out.toByteArray();
    }

    private static List<List<String>> csv(byte[] bytes) {
        return ExportFiles.csv(new String(bytes, StandardCharsets.UTF_8).substring(1));
    }

    private AccessLogQuery query() {
        return new AccessLogQuery(null, null, staff.getUsername(), null, AccessAction.EXPORT_PERSONAL_DATA);
    }

    private long exportsLogged() {
        return asAdmin(() -> accessLog.count(query()));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> read) {
        TestAccounts.signIn(accounts.userOrCreate("report-export-admin", Role.ADMIN));
        try {
            return read.get();
        } finally {
            TestAccounts.signIn(staff);
        }
    }
}
