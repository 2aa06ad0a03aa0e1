package org.baeum.reporting.internal;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;

/**
 * Draws a report's table on a {@link PdfCanvas}: title, as-of line, the merged headings as boxes spanning their
 * columns and rows, the column labels, the rows (numbers right-aligned in Korean grouping, "—" for no figure) and the
 * footnotes. Rows that do not fit go on the next page, the headings drawn again above them.
 */
public final class PdfTable {

    static final int WIDE = 7;
    private static final float SIZE = 8;
    private static final float HEAD_ROW = 16;
    private static final float LABEL_ROW = 26;
    private static final float ROW = 14;
    private static final float PAD = 3;

    private final PdfCanvas canvas;
    private final ReportTable table;
    private float[] xs;

    public PdfTable(PdfCanvas canvas, ReportTable table) {
        this.canvas = canvas;
        this.table = table;
    }

    /** More than {@value #WIDE} columns print on landscape pages. */
    public static boolean wide(ReportTable table) {
        return table.columns().size() > WIDE;
    }

    /** Draws from the canvas's cursor, which is left below the footnotes. */
    public void draw(String asOfLine) throws IOException {
        List<ReportColumn> columns = table.columns();
        xs = columnEdges(columns, canvas.left(), canvas.width());
        canvas.text(canvas.left(), canvas.y() - 14, 14, table.title());
        canvas.down(22);
        canvas.text(canvas.left(), canvas.y() - 9, 8, asOfLine);
        canvas.down(16);
        if (!canvas.fits(table.headerRows().size() * HEAD_ROW + LABEL_ROW + ROW)) {
            canvas.nextPage();
        }
        headings();
        for (List<Object> row : table.rows()) {
            if (!canvas.fits(ROW)) {
                canvas.nextPage();
                canvas.text(canvas.left(), canvas.y() - 10, 10, table.title());
                canvas.down(16);
                headings();
            }
            row(row);
        }
        canvas.down(8);
        for (String note : table.footnotes()) {
            for (String line : canvas.wrap(note, 7.5f, canvas.width())) {
                if (!canvas.fits(11)) {
                    canvas.nextPage();
                }
                canvas.text(canvas.left(), canvas.y() - 8, 7.5f, line);
                canvas.down(11);
            }
        }
    }

    private void headings() throws IOException {
        PDPageContentStream cs = canvas.stream();
        float top = canvas.y();
        cs.setLineWidth(0.5f);
        for (ExportCells.Placed p : ExportCells.place(table.headerRows(), table.columns().size())) {
            float x = xs[p.column()];
            float w = xs[p.column() + p.columns()] - x;
            float y = top - p.row() * HEAD_ROW;
            box(x, y, w, p.rows() * HEAD_ROW, p.cell().label());
        }
        float labels = top - table.headerRows().size() * HEAD_ROW;
        for (int c = 0; c < table.columns().size(); c++) {
            box(xs[c], labels, xs[c + 1] - xs[c], LABEL_ROW, table.columns().get(c).label());
        }
        canvas.down(table.headerRows().size() * HEAD_ROW + LABEL_ROW);
    }

    private void box(float x, float top, float w, float h, String label) throws IOException {
        PDPageContentStream cs = canvas.stream();
        cs.setNonStrokingColor(0.92f, 0.93f, 0.96f);
        cs.addRect(x, top - h, w, h);
        cs.fillAndStroke();
        cs.setNonStrokingColor(0f, 0f, 0f);
        List<String> lines = canvas.wrap(label == null ? "" : label, SIZE, w - 2 * PAD);
        int max = Math.max(1, (int) ((h - 4) / (SIZE + 2)));
        List<String> shown = lines.size() > max ? lines.subList(0, max) : lines;
        float block = shown.size() * (SIZE + 2);
        float baseline = top - (h - block) / 2 - SIZE;
        for (String line : shown) {
            canvas.textCentered(x, w, baseline, SIZE, canvas.fit(line, SIZE, w - 2 * PAD));
            baseline -= SIZE + 2;
        }
    }

    private void row(List<Object> values) throws IOException {
        PDPageContentStream cs = canvas.stream();
        float top = canvas.y();
        cs.addRect(xs[0], top - ROW, xs[xs.length - 1] - xs[0], ROW);
        cs.stroke();
        for (int c = 0; c < table.columns().size(); c++) {
            Object v = c < values.size() ? values.get(c) : null;
            float cellWidth = xs[c + 1] - xs[c] - 2 * PAD;
            float baseline = top - ROW + 4;
            if (v instanceof Number n) {
                canvas.textRight(xs[c + 1] - PAD, baseline, SIZE, canvas.fit(number(n, table.columns().get(c).kind()),
                        SIZE, cellWidth));
            } else if (v == null) {
                canvas.textRight(xs[c + 1] - PAD, baseline, SIZE, "—");
            } else {
                canvas.text(xs[c] + PAD, baseline, SIZE, canvas.fit(v.toString(), SIZE, cellWidth));
            }
        }
        canvas.down(ROW);
    }

    /** 10,840 for counts and KRW, 96.4% for percent. */
    static String number(Number n, ColumnKind kind) {
        if (kind == ColumnKind.PERCENT) {
            return String.format(Locale.ROOT, "%.1f%%", n.doubleValue());
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.KOREA);
        format.setMaximumFractionDigits(1);
        return format.format(n);
    }

    /** Column edges across the width: text columns twice as wide as number columns. */
    static float[] columnEdges(List<ReportColumn> columns, float left, float width) {
        float weights = 0;
        for (ReportColumn c : columns) {
            weights += c.kind() == ColumnKind.TEXT ? 2 : 1;
        }
        float[] edges = new float[columns.size() + 1];
        edges[0] = left;
        for (int i = 0; i < columns.size(); i++) {
            edges[i + 1] = edges[i] + width * (columns.get(i).kind() == ColumnKind.TEXT ? 2 : 1) / weights;
        }
        return edges;
    }
}
