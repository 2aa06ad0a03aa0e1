package org.baeum.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as an XLSX workbook, written as a stream with fastexcel. Sheet 1: the title (row 1), the as-of line (row
 * 2), the heading rows merged as the table's {@code HeaderCell} spans say (from row 3), the column labels, the rows
 * (numbers as numeric cells: KRW and counts {@code #,##0}, percent {@code 0.0}) and the footnotes below. Sheet 2, for a
 * detailed report: the detail header and the detail rows, flushed every {@value #FLUSH_EVERY} rows so that no more
 * than that is held in memory. Texts are neutralised ({@link ExportCells#neutralise}) and written inline.
 */
public final class XlsxExport {

    /** The 0-based row of the first heading row on the table sheet (after the title and the as-of line). */
    public static final int FIRST_HEADING_ROW = 2;
    static final int FLUSH_EVERY = 1000;

    private final Workbook workbook;
    private String tableSheet;
    private Worksheet detail;
    private List<ReportColumn> detailColumns;
    private int detailRow;

    public XlsxExport(OutputStream out) {
        this.workbook = new Workbook(out, "Baeum", "1.0");
    }

    /** Writes and finishes the table sheet. */
    public void table(ReportTable table, String asOfLine) throws IOException {
        tableSheet = sheetName(table.title(), "Report");
        Worksheet ws = workbook.newWorksheet(tableSheet);
        List<ReportColumn> columns = table.columns();
        ws.inlineString(0, 0, ExportCells.neutralise(table.title()));
        ws.style(0, 0).bold().fontSize(14).set();
        ws.inlineString(1, 0, ExportCells.neutralise(asOfLine));
        for (int c = 0; c < columns.size(); c++) {
            ws.width(c, columns.get(c).kind() == ColumnKind.TEXT ? 24 : 13);
        }
        for (ExportCells.Placed p : ExportCells.place(table.headerRows(), columns.size())) {
            int top = FIRST_HEADING_ROW + p.row();
            ws.inlineString(top, p.column(), ExportCells.neutralise(p.cell().label()));
            if (p.rows() > 1 || p.columns() > 1) {
                ws.range(top, p.column(), top + p.rows() - 1, p.column() + p.columns() - 1).merge();
            }
            ws.range(top, p.column(), top + p.rows() - 1, p.column() + p.columns() - 1).style().bold()
                    .horizontalAlignment("center").verticalAlignment("center").borderStyle("thin").set();
        }
        int row = FIRST_HEADING_ROW + table.headerRows().size();
        for (int c = 0; c < columns.size(); c++) {
            ws.inlineString(row, c, ExportCells.neutralise(columns.get(c).label()));
            ws.style(row, c).bold().horizontalAlignment("center").borderStyle("thin").wrapText(true).set();
        }
        ws.freezePane(1, row + 1);
        row++;
        for (List<Object> values : table.rows()) {
            cells(ws, row++, columns, values);
        }
        row++;
        for (String note : table.footnotes()) {
            ws.inlineString(row++, 0, ExportCells.neutralise(note));
        }
        ws.finish();
    }

    /** Opens the detail sheet and writes its header row. */
    public void detailHeader(String title, List<ReportColumn> columns) throws IOException {
        String name = sheetName(title, "Detail");
        detail = workbook.newWorksheet(name.equals(tableSheet) ? "Detail" : name);
        detailColumns = columns;
        for (int c = 0; c < columns.size(); c++) {
            detail.width(c, columns.get(c).kind() == ColumnKind.TEXT ? 20 : 13);
            detail.inlineString(0, c, ExportCells.neutralise(columns.get(c).label()));
            detail.style(0, c).bold().set();
        }
        detail.freezePane(0, 1);
        detailRow = 1;
    }

    /** One detail row; every {@value #FLUSH_EVERY} rows the sheet is flushed to the stream. */
    public void detailRow(List<Object> values) {
        cells(detail, detailRow++, detailColumns, values);
        if (detailRow % FLUSH_EVERY == 0) {
            try {
                detail.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Finishes the detail sheet (if any) and the workbook; the stream stays open. */
    public void finish() throws IOException {
        if (detail != null) {
            detail.finish();
        }
        workbook.finish();
    }

    private static void cells(Worksheet ws, int row, List<ReportColumn> columns, List<Object> values) {
        for (int c = 0; c < Math.min(columns.size(), values.size()); c++) {
            Object v = values.get(c);
            if (v instanceof Number n) {
                ws.value(row, c, n);
                String format = switch (columns.get(c).kind()) {
                    case PERCENT -> "0.0";
                    case TEXT -> null;
                    default -> "#,##0";
                };
                if (format != null) {
                    ws.style(row, c).format(format).set();
                }
            } else if (v != null) {
                ws.inlineString(row, c, ExportCells.neutralise(v.toString()));
            }
        }
    }

    /** Excel's sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String title, String fallback) {
        String name = title == null ? "" : title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (name.isEmpty()) {
            name = fallback;
        }
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
