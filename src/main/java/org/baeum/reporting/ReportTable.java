package org.baeum.reporting;

import java.time.Instant;
import java.util.List;

/**
 * A report's answer, ready to show and to export: translated title and headings, the columns, the rows, the
 * footnotes that define its counts, and when its figures were taken ({@code asOf}).
 *
 * <p>Each row holds one value per column: a {@code String} for {@code TEXT}, a {@code Long} for counts, people,
 * person-sessions and KRW, a {@code Double} (0–100) for {@code PERCENT}, or {@code null} where there is no figure
 * (shown as "—", e.g. person-sessions of a membership without visits). {@code headerRows} are the merged headings
 * above the columns (may be empty: then the column labels are the only heading). {@code personalData} is true when
 * the rows name people: then showing or exporting them is written to the access log.
 */
public record ReportTable(String name, String title, List<List<HeaderCell>> headerRows, List<ReportColumn> columns,
                          List<List<Object>> rows, List<String> footnotes, Instant asOf, boolean personalData) {

    public ReportTable {
        headerRows = List.copyOf(headerRows);
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        footnotes = List.copyOf(footnotes);
    }
}
