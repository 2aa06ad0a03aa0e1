package org.baeum.reporting.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;

/**
 * A horizontal bar chart drawn with PDFBox lines and rectangles: one bar per row (at most {@value #MAX_BARS}), labelled
 * by the row's first (text) column, for the first 실인원 column of the table, else its first numeric column. Tables
 * without a first text column or without a numeric column get no chart.
 */
public final class PdfChart {

    static final int MAX_BARS = 20;
    private static final float BAR = 14;
    private static final float LABEL_WIDTH = 130;
    private static final float VALUE_WIDTH = 60;

    private PdfChart() {
    }

    /** The column the chart shows, if the table gets one. */
    public static OptionalInt column(ReportTable table) {
        List<ReportColumn> columns = table.columns();
        if (columns.isEmpty() || columns.getFirst().kind() != ColumnKind.TEXT) {
            return OptionalInt.empty();
        }
        for (int c = 1; c < columns.size(); c++) {
            if (columns.get(c).kind() == ColumnKind.PEOPLE) {
                return OptionalInt.of(c);
            }
        }
        for (int c = 1; c < columns.size(); c++) {
            if (columns.get(c).kind() != ColumnKind.TEXT) {
                return OptionalInt.of(c);
            }
        }
        return OptionalInt.empty();
    }

    /** Draws the chart below the cursor (on a new page when it does not fit); false when the table gets none. */
    public static boolean draw(PdfCanvas canvas, ReportTable table) throws IOException {
        OptionalInt chosen = column(table);
        if (chosen.isEmpty()) {
            return false;
        }
        int column = chosen.getAsInt();
        ColumnKind kind = table.columns().get(column).kind();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            if (labels.size() == MAX_BARS) {
                break;
            }
            if (row.size() > column && row.get(column) instanceof Number n) {
                labels.add(row.getFirst() == null ? "" : row.getFirst().toString());
                values.add(n.doubleValue());
            }
        }
        float height = 24 + Math.max(1, values.size()) * BAR;
        if (!canvas.fits(height + 16)) {
            canvas.nextPage();
        }
        canvas.down(16);
        String title = ExportCells.flatLabels(table.headerRows(), table.columns()).get(column);
        canvas.text(canvas.left(), canvas.y() - 10, 10, title);
        canvas.down(20);
        double max = values.stream().mapToDouble(Math::abs).max().orElse(0);
        float barLeft = canvas.left() + LABEL_WIDTH;
        float barSpace = canvas.width() - LABEL_WIDTH - VALUE_WIDTH;
        PDPageContentStream cs = canvas.stream();
        cs.setLineWidth(0.5f);
        cs.moveTo(barLeft, canvas.y());
        cs.lineTo(barLeft, canvas.y() - values.size() * BAR);
        cs.stroke();
        for (int i = 0; i < values.size(); i++) {
            float top = canvas.y();
            float length = max == 0 ? 0 : (float) (Math.abs(values.get(i)) / max * barSpace);
            canvas.text(canvas.left(), top - BAR + 4, 8, canvas.fit(labels.get(i), 8, LABEL_WIDTH - 6));
            cs.setNonStrokingColor(0.20f, 0.42f, 0.70f);
            cs.addRect(barLeft, top - BAR + 3, length, BAR - 5);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            canvas.text(barLeft + length + 4, top - BAR + 4, 8, PdfTable.number(values.get(i), kind));
            canvas.down(BAR);
        }
        return true;
    }
}
