package org.baeum.reporting.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.baeum.reporting.ExportFormat;
import org.baeum.reporting.ReportExports;
import org.baeum.reporting.ReportQuery;

/**
 * The download links of the dashboard: a report as CSV, XLSX or PDF with the filters as they stand when the link is
 * followed, and the annual PDF of the chosen year. The export service checks the caller and writes the access log
 * (decision 0039); each link is a real link (keyboard, screen readers) with a name that says which report and format.
 */
final class ReportDownloads {

    private ReportDownloads() {
    }

    static Anchor report(ReportExports exports, String name, String title, Supplier<ReportQuery> query,
                         ExportFormat format, Locale locale, String text, String label) {
        DownloadHandler handler = (DownloadEvent event) -> {
            ReportExports.PreparedExport prepared = exports.prepare(name, query.get(), format, locale);
            event.setFileName(prepared.fileName());
            event.setContentType(switch (format) {
                case CSV -> "text/csv; charset=UTF-8";
                case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case PDF -> "application/pdf";
            });
            try (OutputStream out = event.getOutputStream()) {
                prepared.writeTo(out);
            }
        };
        return link(handler, format.name().toLowerCase(Locale.ROOT), text, label);
    }

    static Anchor annual(ReportExports exports, IntSupplier year, Locale locale, String text, String label) {
        DownloadHandler handler = (DownloadEvent event) -> {
            int y = year.getAsInt();
            event.setFileName("annual-report-" + y + ".pdf");
            event.setContentType("application/pdf");
            try (OutputStream out = event.getOutputStream()) {
                exports.annualReport(y, locale, out);
            }
        };
        return link(handler, "annual", text, label);
    }

    private static Anchor link(DownloadHandler handler, String kind, String text, String label) {
        Anchor anchor = new Anchor(handler, "");
        var icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        anchor.add(icon, new Span(text));
        anchor.getElement().setAttribute("aria-label", label);
        anchor.addClassName("baeum-export");
        anchor.addClassName("baeum-export-" + kind);
        anchor.getStyle().set("min-height", "44px").set("display", "inline-flex").set("align-items", "center")
                .set("gap", "var(--lumo-space-xs)").set("padding-inline", "var(--lumo-space-s)");
        return anchor;
    }
}
