package org.baeum.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Fixed test reports for the export and API tests, beans of the shared integration context (names start with
 * {@code test-}): a table with Korean merged headings and cells a spreadsheet would run as formulas, a detailed report
 * with a few detail rows naming people, and a detailed report with {@value #MANY} detail rows made on the fly.
 */
public final class TestExportReports {

    public static final String TABLE = "test-exports-table";
    public static final String DETAIL = "test-exports-detail";
    public static final String STREAM = "test-exports-stream";
    public static final String PERSONAL = "test-exports-personal";
    public static final int MANY = 200_000;
    public static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    /** The table's rows: label, adult 실인원, adult 연인원, youth 실인원, youth 연인원, fee (KRW), rate (%). */
    static final List<List<Object>> ROWS = List.of(
            java.util.Arrays.asList("3개월 강좌", 113L, 10840L, 20L, 300L, 1_234_567L, 96.4),
            java.util.Arrays.asList("=SUM(B1:B9)", 9L, 10074L, null, null, 0L, 50.0),
            java.util.Arrays.asList("+82 문해", 1L, 2L, 3L, 4L, 5L, 12.5),
            java.util.Arrays.asList("-1 음수", 6L, 7L, 8L, 9L, 10L, 0.0),
            java.util.Arrays.asList("@cmd 명령", 11L, 12L, 13L, 14L, 15L, 100.0),
            java.util.Arrays.asList("쉼표, \"따옴표\"", 16L, 17L, 18L, 19L, 20L, 33.3));

    private TestExportReports() {
    }

    static ReportTable table(String name, String title, boolean personal) {
        List<List<HeaderCell>> headings = List.of(
                List.of(new HeaderCell("구분", 1, 2), new HeaderCell("성인", 2, 1), new HeaderCell("청소년·어린이", 2, 1),
                        new HeaderCell("수강료", 1, 2), new HeaderCell("이수율", 1, 2)),
                List.of(new HeaderCell("실인원", 1, 1), new HeaderCell("연인원", 1, 1), new HeaderCell("실인원", 1, 1),
                        new HeaderCell("연인원", 1, 1)));
        List<ReportColumn> columns = List.of(new ReportColumn("course", "과정", ColumnKind.TEXT),
                new ReportColumn("adultPeople", "실인원", ColumnKind.PEOPLE),
                new ReportColumn("adultSessions", "연인원", ColumnKind.PERSON_SESSIONS),
                new ReportColumn("youthPeople", "실인원", ColumnKind.PEOPLE),
                new ReportColumn("youthSessions", "연인원", ColumnKind.PERSON_SESSIONS),
                new ReportColumn("fee", "수강료(원)", ColumnKind.KRW),
                new ReportColumn("rate", "이수율(%)", ColumnKind.PERCENT));
        return new ReportTable(name, title, headings, columns, ROWS,
                List.of("실인원: 서로 다른 참여자 수", "연인원: 출석한 참여자 × 회차"), AS_OF, personal);
    }

    static List<ReportColumn> detailColumns() {
        return List.of(new ReportColumn("name", "이름", ColumnKind.TEXT), new ReportColumn("note", "메모", ColumnKind.TEXT),
                new ReportColumn("fee", "수강료", ColumnKind.KRW));
    }

    @Component
    static class TableReport implements Report {
        @Override
        public String name() {
            return TABLE;
        }

        @Override
        public String titleKey() {
            return "test.report.table";
        }

        @Override
        public ReportTable run(ReportQuery query, Locale locale) {
            return table(TABLE, "시험 운영 현황", false);
        }
    }

    /** A table whose rows name people ({@code personalData}): showing or exporting it is logged. */
    @Component
    static class PersonalReport implements Report {
        @Override
        public String name() {
            return PERSONAL;
        }

        @Override
        public String titleKey() {
            return "test.report.personal";
        }

        @Override
        public ReportTable run(ReportQuery query, Locale locale) {
            return table(PERSONAL, "시험 개인별 현황", true);
        }
    }

    @Component
    static class DetailReport implements DetailedReport {
        static final List<List<Object>> DETAILS = List.of(
                java.util.Arrays.asList("김배움", "=HYPERLINK(\"http://x\")", 30_000L),
                java.util.Arrays.asList("이평생", "+1 추가", 45_000L),
                java.util.Arrays.asList("박학습", null, null));

        @Override
        public String name() {
            return DETAIL;
        }

        @Override
        public String titleKey() {
            return "test.report.detail";
        }

        @Override
        public ReportTable run(ReportQuery query, Locale locale) {
            return table(DETAIL, "시험 신청 흐름", false);
        }

        @Override
        public String detailTitleKey() {
            return "test.report.detail.rows";
        }

        @Override
        public List<ReportColumn> detailColumns(Locale locale) {
            return TestExportReports.detailColumns();
        }

        @Override
        public void forEachDetail(ReportQuery query, Locale locale, Consumer<List<Object>> sink) {
            DETAILS.forEach(sink);
        }
    }

    @Component
    static class StreamReport implements DetailedReport {
        @Override
        public String name() {
            return STREAM;
        }

        @Override
        public String titleKey() {
            return "test.report.stream";
        }

        @Override
        public ReportTable run(ReportQuery query, Locale locale) {
            return table(STREAM, "시험 대량 명세", false);
        }

        @Override
        public String detailTitleKey() {
            return "test.report.stream.rows";
        }

        @Override
        public List<ReportColumn> detailColumns(Locale locale) {
            return TestExportReports.detailColumns();
        }

        /** Made one at a time: the report itself never holds them. */
        @Override
        public void forEachDetail(ReportQuery query, Locale locale, Consumer<List<Object>> sink) {
            for (int i = 0; i < MANY; i++) {
                sink.accept(List.of("참여자 " + i, "강좌 " + (i % 300), 10_000L + i));
            }
        }
    }
}
