package org.baeum.reporting.ui;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.baeum.catalog.Audience;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.springframework.stereotype.Component;

/**
 * A report for the dashboard's tests, laid out like the seed table (a heading over two rows, audiences over 실인원 and
 * 연인원), with a KRW and a percent column and a missing figure. It records the last query it was asked; for infants it
 * answers no rows. Its name starts with {@code test-} so that nothing mistakes it for one of the portal's reports.
 */
@Component
class DashboardTestReport implements Report {

    static final String NAME = "test-dashboard";
    static final Instant AS_OF = Instant.parse("2026-12-06T01:00:00Z"); // 10:00 in Seoul

    volatile ReportQuery last;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "report.ui.title";
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        last = query;
        List<List<HeaderCell>> header = List.of(List.of(new HeaderCell("구분", 1, 2), new HeaderCell("성인", 2, 1),
                new HeaderCell("문해교육", 2, 1), new HeaderCell("감면액", 1, 2), new HeaderCell("이수율", 1, 2)));
        List<ReportColumn> columns = List.of(new ReportColumn("branch", "구분", ColumnKind.TEXT),
                new ReportColumn("adultPeople", "실인원", ColumnKind.PEOPLE),
                new ReportColumn("adultSessions", "연인원", ColumnKind.PERSON_SESSIONS),
                new ReportColumn("literacyPeople", "실인원", ColumnKind.PEOPLE),
                new ReportColumn("literacySessions", "연인원", ColumnKind.PERSON_SESSIONS),
                new ReportColumn("reduced", "감면액", ColumnKind.KRW),
                new ReportColumn("completionRate", "이수율", ColumnKind.PERCENT));
        List<List<Object>> rows = query.audience() == Audience.INFANT ? List.of() : List.of(
                Arrays.asList("본관", 1_130L, 10_840L, 83L, 10_074L, 85_958_000L, 96.36),
                Arrays.asList("아현분관", 12L, null, 0L, 0L, 0L, null));
        return new ReportTable(NAME, "시험용 참여 현황", header, columns, rows,
                List.of("실인원은 서로 다른 사람의 수입니다.", "연인원은 출석한 사람·회차의 수입니다."), AS_OF, false);
    }
}
