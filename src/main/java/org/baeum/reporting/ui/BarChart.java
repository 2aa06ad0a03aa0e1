package org.baeum.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bar chart of category labels and one or two named series, drawn in the browser by {@code <baeum-chart>}
 * ({@code frontend/components/baeum-chart.ts}, Chart.js). Bars lie horizontally when the labels are long or many. The
 * canvas is an image labelled with the chart's title; the report's table beside it is the accessible version.
 */
@Tag("baeum-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./components/baeum-chart.ts")
class BarChart extends Component {

    /** Labels longer than this, or more categories than {@link #MANY}, turn the bars horizontal. */
    static final int LONG_LABEL = 6;
    static final int MANY = 8;
    private static final Set<ColumnKind> CHARTED = Set.of(ColumnKind.PEOPLE, ColumnKind.PERSON_SESSIONS,
            ColumnKind.COUNT, ColumnKind.KRW);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One series: its name, a value per category ({@code null} where there is no figure), and whether it is KRW. */
    record Series(String name, List<Number> values, boolean krw) {
    }

    private final String label;
    private final List<String> categories;
    private final List<Series> series;
    private final boolean horizontal;

    BarChart(String label, List<String> categories, List<Series> series) {
        if (series.isEmpty() || series.size() > 2) {
            throw new IllegalArgumentException("one or two series");
        }
        this.label = label;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.horizontal = categories.size() > MANY || categories.stream().anyMatch(c -> c.length() > LONG_LABEL);
        addClassName("baeum-report-chart");
        getElement().getStyle().set("width", "48rem").set("max-width", "100%");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", label);
        data.put("labels", this.categories);
        data.put("series", this.series.stream().map(BarChart::json).toList());
        data.put("horizontal", horizontal);
        getElement().setProperty("data", JSON.writeValueAsString(data));
    }

    /**
     * The chart of a report, when it has one: its first column is text and it has a column of people, person-sessions,
     * counts or KRW. Charted are its first 실인원 and first 연인원 columns; without either, its first count or KRW column.
     */
    static Optional<BarChart> of(ReportTable table, String label) {
        List<ReportColumn> columns = table.columns();
        if (columns.isEmpty() || columns.getFirst().kind() != ColumnKind.TEXT || table.rows().isEmpty()) {
            return Optional.empty();
        }
        List<Integer> picked = new ArrayList<>();
        first(columns, ColumnKind.PEOPLE).ifPresent(picked::add);
        first(columns, ColumnKind.PERSON_SESSIONS).ifPresent(picked::add);
        if (picked.isEmpty()) {
            for (int c = 1; c < columns.size() && picked.isEmpty(); c++) {
                if (CHARTED.contains(columns.get(c).kind())) {
                    picked.add(c);
                }
            }
        }
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = table.rows().stream().map(r -> r.getFirst() == null ? "—" : r.getFirst().toString())
                .toList();
        List<Series> series = picked.stream().map(c -> new Series(columns.get(c).label(),
                table.rows().stream().map(r -> c < r.size() && r.get(c) instanceof Number n ? n : null).toList(),
                columns.get(c).kind() == ColumnKind.KRW)).toList();
        return Optional.of(new BarChart(label, categories, series));
    }

    private static Map<String, Object> json(Series s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("values", s.values());
        m.put("krw", s.krw());
        return m;
    }

    private static Optional<Integer> first(List<ReportColumn> columns, ColumnKind kind) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).kind() == kind) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    String label() {
        return label;
    }

    List<String> categories() {
        return categories;
    }

    List<Series> series() {
        return series;
    }

    boolean horizontal() {
        return horizontal;
    }
}
