package org.baeum.base.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes access-log entries to CSV or XLSX as they come from the database, with headers and action names in the
 * reader's language and times in Asia/Seoul. Neither format is built in memory: CSV goes through a buffered writer,
 * and the XLSX sheet is flushed to the stream every {@value #FLUSH_EVERY} rows (its texts are inline strings, so no
 * shared-strings table grows with the file).
 */
final class AccessLogExporter {

    private static final int FLUSH_EVERY = 1_000;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Messages messages;
    private final Locale locale;

    AccessLogExporter(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Receives entries one by one; {@link #finish()} completes the file. */
    interface Sink {
        void row(AccessLogEntry entry) throws IOException;

        void finish() throws IOException;
    }

    Sink open(AccessLogFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new Csv(out);
            case XLSX -> new Xlsx(out);
        };
    }

    List<String> header() {
        return List.of(t("accessLog.column.time"), t("accessLog.column.actor"), t("accessLog.column.actorId"),
                t("accessLog.column.roles"), t("accessLog.column.action"), t("accessLog.column.subject"),
                t("accessLog.column.address"), t("accessLog.column.detail"));
    }

    /** Every column after the time, as text. */
    private List<String> texts(AccessLogEntry e) {
        return java.util.Arrays.asList(e.actorUsername(), e.actorAccountId(), roles(e), action(e),
                e.subjectAccountId(), e.clientAddress(), e.detail());
    }

    String roles(AccessLogEntry e) {
        return e.actorRoles().stream().sorted().map(r -> t("role." + r.name())).collect(Collectors.joining(", "));
    }

    String action(AccessLogEntry e) {
        return e.action() == null ? "" : t("accessAction." + e.action().name());
    }

    private String t(String key) {
        return messages.get(key, locale);
    }

    /** RFC 4180 with a BOM; cells that a spreadsheet would run as a formula start with an apostrophe (OWASP). */
    private final class Csv implements Sink {
        private final Writer writer;

        Csv(OutputStream out) throws IOException {
            out.write(UTF8_BOM);
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            line(header());
        }

        @Override
        public void row(AccessLogEntry entry) throws IOException {
            List<String> cells = new java.util.ArrayList<>(8);
            cells.add(Formats.timestamp(entry.at()));
            cells.addAll(texts(entry));
            line(cells);
        }

        private void line(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(cells.get(i)));
            }
            writer.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private final class Xlsx implements Sink {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out) {
            workbook = new Workbook(out, "Baeum", "1.0");
            sheet = workbook.newWorksheet(t("accessLog.sheet"));
            List<String> header = header();
            for (int c = 0; c < header.size(); c++) {
                sheet.inlineString(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            double[] widths = {20, 16, 38, 14, 22, 38, 18, 50};
            for (int c = 0; c < widths.length; c++) {
                sheet.width(c, widths[c]);
            }
            sheet.freezePane(0, 1);
            row = 1;
        }

        @Override
        public void row(AccessLogEntry entry) throws IOException {
            sheet.value(row, 0, LocalDateTime.ofInstant(entry.at(), Formats.SEOUL));
            sheet.style(row, 0).format("yyyy-mm-dd hh:mm:ss").set();
            List<String> texts = texts(entry);
            for (int c = 0; c < texts.size(); c++) {
                if (texts.get(c) != null && !texts.get(c).isEmpty()) {
                    sheet.inlineString(row, c + 1, texts.get(c));
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }

    /** Lets the database cursor's consumer carry an {@link IOException} out. */
    static void write(Sink sink, AccessLogEntry entry) {
        try {
            sink.row(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
