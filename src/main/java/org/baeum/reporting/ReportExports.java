package org.baeum.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.CurrentUser;
import org.baeum.reporting.internal.CsvExport;
import org.baeum.reporting.internal.PdfCanvas;
import org.baeum.reporting.internal.PdfChart;
import org.baeum.reporting.internal.PdfTable;
import org.baeum.reporting.internal.XlsxExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Every report as a file staff can hand on (decision 0039): CSV (UTF-8 with BOM), XLSX (merged headings, numbers as
 * numbers, a detailed report's rows on a second sheet) and PDF (Korean font embedded), and the printable annual report
 * of a year. CSV and XLSX stream; texts a spreadsheet would run as a formula are neutralised. An export that holds
 * personal data (a table marked {@link ReportTable#personalData()}, or a {@link DetailedReport}'s detail rows) is
 * written to the access log first: who, which report, which period and filters, never a name. STAFF and ADMIN only.
 */
@Service
public class ReportExports {

    private static final Logger log = LoggerFactory.getLogger(ReportExports.class);

    private final Reports reports;
    private final AccessLog accessLog;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    ReportExports(Reports reports, AccessLog accessLog, CurrentUser currentUser, Messages messages, Clock clock) {
        this.reports = reports;
        this.accessLog = accessLog;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    /** An export ready to write: the report has run and, when it holds personal data, the access log has the line. */
    public interface PreparedExport {
        /** The file name offered for the download (see {@link #fileName}). */
        String fileName();

        /** Writes the file to {@code out} (flushed, not closed); a detailed report's rows stream as they come. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the named report for the query to {@code out} (flushed, not closed): {@link #prepare} and then
     * {@link PreparedExport#writeTo}.
     */
    @PreAuthorize(Reports.STAFF_OR_ADMIN)
    public void write(String name, ReportQuery query, ExportFormat format, Locale locale, OutputStream out)
            throws IOException {
        prepare(name, query, format, locale).writeTo(out);
    }

    /**
     * Runs the named report and, for an export with personal data, writes the access-log line; the file is written
     * later by {@link PreparedExport#writeTo} (on the thread that streams the download). CSV and XLSX add a
     * {@link DetailedReport}'s detail rows (after a blank line; on a second sheet); the PDF holds the table only.
     *
     * @throws UnknownReportException when no report has the name
     * @throws org.baeum.base.audit.AccessLogUnavailableException when an export with personal data cannot be logged:
     *         nothing is written then
     */
    @PreAuthorize(Reports.STAFF_OR_ADMIN)
    public PreparedExport prepare(String name, ReportQuery query, ExportFormat format, Locale locale) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Report report = reports.report(name).orElse(null);
        if (report == null) {
            throw new UnknownReportException(name);
        }
        ReportTable table = reports.run(name, query, locale).orElseThrow(() -> new UnknownReportException(name));
        DetailedReport detailed = format != ExportFormat.PDF && report instanceof DetailedReport d ? d : null;
        boolean personal = table.personalData() || detailed != null;
        if (personal) {
            accessLog.record(AccessAction.EXPORT_PERSONAL_DATA, null, "report " + name + " " + format + "; "
                    + describe(query) + (detailed != null ? "; with detail rows" : ""));
        }
        log.info("Account {} exported report {} as {} for {} (personal data: {})", currentUser.require().accountId(),
                name, format, describe(query), personal);
        String fileName = fileName(messages.get(report.titleKey(), locale), query, format);
        return new PreparedExport() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                switch (format) {
                    case CSV -> csv(table, detailed, query, locale, out);
                    case XLSX -> xlsx(table, detailed, query, locale, out);
                    case PDF -> pdf(table, locale, out);
                }
                out.flush();
            }
        };
    }

    /**
     * The named report's table for an app (the API's JSON): a table marked {@link ReportTable#personalData()} is
     * written to the access log first, as its export would be.
     *
     * @throws UnknownReportException when no report has the name
     */
    @PreAuthorize(Reports.STAFF_OR_ADMIN)
    public ReportTable table(String name, ReportQuery query, Locale locale) {
        ReportTable table = reports.run(name, query, locale).orElseThrow(() -> new UnknownReportException(name));
        if (table.personalData()) {
            accessLog.record(AccessAction.EXPORT_PERSONAL_DATA, null, "report " + name + " JSON; " + describe(query));
        }
        return table;
    }

    /**
     * The printable annual report of a year (PDF): a cover with the centre's name and the year, then every report for
     * the whole year, each on its own pages with a bookmark, its table and, for a table with a first text column and
     * numbers, a bar chart; page numbers on every page.
     */
    @PreAuthorize(Reports.STAFF_OR_ADMIN)
    public void annualReport(int year, Locale locale, OutputStream out) throws IOException {
        ReportQuery query = ReportQuery.year(year);
        List<ReportInfo> all = reports.list(locale);
        log.info("Account {} exported the annual report {} ({} reports)", currentUser.require().accountId(), year,
                all.size());
        try (PdfCanvas canvas = new PdfCanvas()) {
            cover(canvas, year, locale, all);
            for (ReportInfo info : all) {
                ReportTable table = reports.run(info.name(), query, locale).orElseThrow();
                canvas.newPage(PdfTable.wide(table));
                canvas.bookmark(table.title());
                new PdfTable(canvas, table).draw(asOfLine(table, locale));
                PdfChart.draw(canvas, table);
            }
            canvas.save(out);
        }
        out.flush();
    }

    /** The file name offered for a download, e.g. {@code 평생학습 운영 현황 2026-01-01~2026-12-31.xlsx}. */
    public static String fileName(String title, ReportQuery query, ExportFormat format) {
        String safe = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").strip();
        return safe + " " + query.from() + "~" + query.to() + "." + format.extension();
    }

    private void csv(ReportTable table, DetailedReport detailed, ReportQuery query, Locale locale, OutputStream out)
            throws IOException {
        CsvExport csv = new CsvExport(out);
        csv.table(table);
        if (detailed != null) {
            csv.detailHeader(detailed.detailColumns(locale));
            try {
                detailed.forEachDetail(query, locale, csv::valuesUnchecked);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        csv.finish();
    }

    private void xlsx(ReportTable table, DetailedReport detailed, ReportQuery query, Locale locale, OutputStream out)
            throws IOException {
        XlsxExport xlsx = new XlsxExport(out);
        xlsx.table(table, asOfLine(table, locale));
        if (detailed != null) {
            xlsx.detailHeader(messages.get(detailed.detailTitleKey(), locale), detailed.detailColumns(locale));
            try {
                detailed.forEachDetail(query, locale, xlsx::detailRow);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        xlsx.finish();
    }

    private void pdf(ReportTable table, Locale locale, OutputStream out) throws IOException {
        try (PdfCanvas canvas = new PdfCanvas()) {
            canvas.newPage(PdfTable.wide(table));
            canvas.bookmark(table.title());
            new PdfTable(canvas, table).draw(asOfLine(table, locale));
            canvas.save(out);
        }
    }

    private void cover(PdfCanvas canvas, int year, Locale locale, List<ReportInfo> all) throws IOException {
        canvas.newPage(false);
        float middle = canvas.pageHeight() / 2;
        canvas.textCentered(canvas.left(), canvas.width(), middle + 80, 24, t("report.export.annual.centre", locale));
        canvas.textCentered(canvas.left(), canvas.width(), middle + 40, 18,
                messages.get("report.export.annual.title", locale, String.valueOf(year)));
        canvas.textCentered(canvas.left(), canvas.width(), middle, 10,
                messages.get("report.export.annual.made", locale, Formats.dateTime(clock.instant(), locale)));
        float y = middle - 40;
        for (ReportInfo info : all) {
            if (y < PdfCanvas.MARGIN * 2) {
                break; // the bookmarks list every section
            }
            canvas.textCentered(canvas.left(), canvas.width(), y, 10, info.title());
            y -= 16;
        }
    }

    private String asOfLine(ReportTable table, Locale locale) {
        return messages.get("report.export.asOf", locale, table.asOf() == null ? "—" : Formats.dateTime(table.asOf(), locale));
    }

    private String t(String key, Locale locale) {
        return messages.get(key, locale);
    }

    /** The period and the filters set, for logs and the access log: never a name. */
    static String describe(ReportQuery q) {
        StringBuilder sb = new StringBuilder(q.from() + ".." + q.to());
        append(sb, "branch", q.branch() == null ? null : q.branch().value());
        append(sb, "termType", q.termType());
        append(sb, "audience", q.audience());
        append(sb, "domain", q.domain());
        append(sb, "area", q.area());
        append(sb, "subcategory", q.subcategory());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append("; ").append(name).append('=').append(value);
        }
    }
}
