package org.baeum.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;
import org.junit.jupiter.api.Test;

/** Which columns of a report are charted, and how the chart is handed to the browser. */
class BarChartTest {

    private static ReportTable table(List<ReportColumn> columns, List<List<Object>> rows) {
        return new ReportTable("t", "제목", List.of(), columns, rows, List.of(), Instant.EPOCH, false);
    }

    @Test
    void a_report_of_people_charts_its_first_people_and_person_sessions_columns() {
        ReportTable t = table(List.of(new ReportColumn("branch", "구분", ColumnKind.TEXT),
                        new ReportColumn("courses", "강좌 수", ColumnKind.COUNT),
                        new ReportColumn("people", "실인원", ColumnKind.PEOPLE),
                        new ReportColumn("sessions", "연인원", ColumnKind.PERSON_SESSIONS),
                        new ReportColumn("people2", "실인원", ColumnKind.PEOPLE)),
                List.of(Arrays.asList("본관", 113L, 1_130L, 10_840L, 5L), Arrays.asList("아현", 9L, 83L, null, 1L)));
        BarChart chart = BarChart.of(t, "제목 막대 그래프").orElseThrow();
        assertThat(chart.series()).extracting(BarChart.Series::name).containsExactly("실인원", "연인원");
        assertThat(chart.series().get(1).values()).containsExactly(10_840L, null);
        assertThat(chart.categories()).containsExactly("본관", "아현");
        assertThat(chart.horizontal()).isFalse();
        assertThat(chart.getElement().getTag()).isEqualTo("baeum-chart");
        assertThat(chart.getElement().getProperty("data"))
                .isEqualTo("{\"label\":\"제목 막대 그래프\",\"labels\":[\"본관\",\"아현\"],\"series\":["
                        + "{\"name\":\"실인원\",\"values\":[1130,83],\"krw\":false},"
                        + "{\"name\":\"연인원\",\"values\":[10840,null],\"krw\":false}],\"horizontal\":false}");
    }

    @Test
    void without_people_the_first_count_or_krw_column_is_charted_and_long_labels_lie_horizontally() {
        ReportTable t = table(List.of(new ReportColumn("category", "감면 구분", ColumnKind.TEXT),
                        new ReportColumn("rate", "비율", ColumnKind.PERCENT),
                        new ReportColumn("amount", "감면액", ColumnKind.KRW)),
                List.<List<Object>>of(Arrays.asList("국민기초생활수급자", 12.5, 85_958_000L)));
        BarChart chart = BarChart.of(t, "감면").orElseThrow();
        assertThat(chart.series()).containsExactly(new BarChart.Series("감면액", List.of(85_958_000L), true));
        assertThat(chart.horizontal()).isTrue();
    }

    @Test
    void a_report_without_a_text_first_column_or_without_rows_has_no_chart() {
        ReportColumn count = new ReportColumn("n", "수", ColumnKind.COUNT);
        assertThat(BarChart.of(table(List.of(count), List.<List<Object>>of(List.of(1L))), "x")).isEmpty();
        ReportColumn text = new ReportColumn("t", "구분", ColumnKind.TEXT);
        assertThat(BarChart.of(table(List.of(text, count), List.of()), "x")).isEmpty();
        ReportColumn rate = new ReportColumn("r", "이수율", ColumnKind.PERCENT);
        assertThat(BarChart.of(table(List.of(text, rate), List.<List<Object>>of(Arrays.asList("본관", 95.0))), "x"))
                .isEmpty();
    }
}
