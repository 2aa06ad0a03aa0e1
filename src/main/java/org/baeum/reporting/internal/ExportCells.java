package org.baeum.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.ReportColumn;

/**
 * What every export does with cells: formula neutralisation (OWASP CSV injection), plain numbers, and where each
 * merged heading sits above the columns.
 */
public final class ExportCells {

    /** One heading cell placed in the grid: top row, first column, and its spans (clipped to the grid). */
    public record Placed(HeaderCell cell, int row, int column, int rows, int columns) {
    }

    private ExportCells() {
    }

    /**
     * A text a spreadsheet would run as a formula gets a leading {@code '}: one starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return. Numbers are never passed here: they stay numbers.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /** A number as plain digits, no grouping: {@code 10840}, {@code 96.4}; empty for {@code null}. */
    public static String plain(Object value) {
        return switch (value) {
            case null -> "";
            case Double d -> d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f -> BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            default -> neutralise(value.toString());
        };
    }

    /**
     * Places the heading rows as an HTML table does: each cell takes the next column not already covered by a cell
     * of a row above that spans down. Spans that reach past the columns or the heading rows are cut to fit.
     */
    public static List<Placed> place(List<List<HeaderCell>> headerRows, int columnCount) {
        int height = headerRows.size();
        boolean[][] taken = new boolean[height][columnCount];
        List<Placed> placed = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            int c = 0;
            for (HeaderCell cell : headerRows.get(r)) {
                while (c < columnCount && taken[r][c]) {
                    c++;
                }
                if (c >= columnCount) {
                    break;
                }
                int rows = Math.min(cell.rowspan(), height - r);
                int columns = Math.min(cell.colspan(), columnCount - c);
                for (int rr = r; rr < r + rows; rr++) {
                    for (int cc = c; cc < c + columns; cc++) {
                        taken[rr][cc] = true;
                    }
                }
                placed.add(new Placed(cell, r, c, rows, columns));
                c += columns;
            }
        }
        return placed;
    }

    /**
     * One label per column, the merged headings above it flattened from the top: "성인 실인원". A heading that repeats
     * the one below it (or the column's own label) is said once.
     */
    public static List<String> flatLabels(List<List<HeaderCell>> headerRows, List<ReportColumn> columns) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(new ArrayList<>());
        }
        List<Placed> placed = place(headerRows, columns.size());
        placed.sort(java.util.Comparator.comparingInt(Placed::row));
        for (Placed p : placed) {
            for (int c = p.column(); c < p.column() + p.columns(); c++) {
                add(parts.get(c), p.cell().label());
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            add(parts.get(i), columns.get(i).label());
            labels.add(String.join(" ", parts.get(i)));
        }
        return labels;
    }

    private static void add(List<String> parts, String label) {
        if (label == null || label.isBlank()) {
            return;
        }
        String l = label.strip();
        if (parts.isEmpty() || !parts.getLast().equals(l)) {
            parts.add(l);
        }
    }
}
