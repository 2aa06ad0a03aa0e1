package org.baeum.reporting.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Locale;
import java.util.function.Supplier;
import org.baeum.reporting.ExportFormat;
import org.baeum.reporting.ReportExports;
import org.baeum.reporting.ReportInfo;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.Reports;

/**
 * One report on the dashboard: its heading, and below it a disclosure that runs the report when it is opened and
 * forgets the table when it is closed. Open, it shows the chart (when the report has one, see {@link BarChart#of}), the table with its footnotes,
 * and a place for the report's downloads; an empty answer says so plainly.
 */
class ReportSection extends Section {

    private final transient Reports reports;
    private final transient Supplier<ReportQuery> query;
    private final Locale locale;
    final ReportInfo info;
    final Details details = new Details();
    final Div content = new Div();
    /** The CSV, XLSX and PDF downloads of this report, with the filters as they stand. */
    final Div downloads = new Div();

    ReportSection(Reports reports, ReportExports exports, ReportInfo info, Supplier<ReportQuery> query,
                  Locale locale) {
        this.reports = reports;
        this.info = info;
        this.query = query;
        this.locale = locale;
        addClassName("baeum-report-section");
        String headingId = "report-" + info.name();
        H2 heading = new H2(info.title());
        heading.setId(headingId);
        getElement().setAttribute("aria-labelledby", headingId);
        details.setSummaryText(getTranslation("report.ui.show"));
        content.setWidthFull();
        details.add(content);
        details.setWidthFull();
        details.addOpenedChangeListener(e -> refresh());
        downloads.addClassName("baeum-report-downloads");
        for (ExportFormat format : ExportFormat.values()) {
            String kind = format.name().toLowerCase(Locale.ROOT);
            downloads.add(ReportDownloads.report(exports, info.name(), info.title(), query, format, locale,
                    getTranslation("report.ui.download." + kind),
                    getTranslation("report.ui.downloadOf." + kind, info.title())));
        }
        add(heading, details);
    }

    void open() {
        details.setOpened(true);
        if (content.getComponentCount() == 0) {
            refresh();
        }
    }

    /** Runs the report again when the section is open; empties it when closed. */
    void refresh() {
        content.removeAll();
        if (!details.isOpened()) {
            return;
        }
        ReportTable table = reports.run(info.name(), query.get(), locale).orElse(null);
        if (table == null || table.rows().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("report.ui.empty"));
            empty.addClassName("baeum-report-empty");
            content.add(empty);
            return;
        }
        BarChart.of(table, getTranslation("report.ui.chartLabel", table.title())).ifPresent(content::add);
        content.add(new ReportTableView(table, locale), downloads);
    }
}
