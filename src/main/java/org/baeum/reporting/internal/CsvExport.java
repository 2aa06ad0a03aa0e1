package org.baeum.reporting.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;

/**
 * A report as CSV: UTF-8 with a byte order mark (so Excel opens Korean), RFC 4180 (CRLF, fields with a comma, quote
 * or line break quoted, quotes doubled). One header line of the column labels with the merged headings flattened
 * ("성인 실인원"), numbers as plain digits, empty for no figure; texts neutralised ({@link ExportCells#neutralise}).
 * Detail rows follow after a blank line and their own header line, written as they come.
 */
public final class CsvExport {

    private static final String BOM = "\uFEFF";
    private final Writer out;

    public CsvExport(OutputStream out) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.out.write(BOM);
    }

    public void table(ReportTable table) throws IOException {
        line(ExportCells.flatLabels(table.headerRows(), table.columns()).stream().map(ExportCells::neutralise).toList());
        for (List<Object> row : table.rows()) {
            values(row);
        }
    }

    /** The blank line and the detail header; then {@link #values} for each detail row. */
    public void detailHeader(List<ReportColumn> columns) throws IOException {
        out.write("\r\n");
        line(columns.stream().map(c -> ExportCells.neutralise(c.label())).toList());
    }

    public void values(List<Object> row) throws IOException {
        line(row.stream().map(ExportCells::plain).toList());
    }

    /** {@link #values} for a row handed over by a sink that cannot throw. */
    public void valuesUnchecked(List<Object> row) {
        try {
            values(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what is buffered; the stream stays open. */
    public void finish() throws IOException {
        out.flush();
    }

    private void line(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
