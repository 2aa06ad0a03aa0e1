package org.baeum.base.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.audit.AccessLogFormat;
import org.baeum.base.audit.AccessLogQuery;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;

/**
 * ADMIN reads the personal-data access log, newest first, filters it by Seoul dates, action, actor and subject, and
 * downloads the filtered entries as CSV or XLSX (each download is itself logged). Nothing here changes an entry.
 */
@Route("admin/access-log")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 95, title = "nav.accessLog", icon = "vaadin:file-text-o")
class AccessLogView extends VerticalLayout implements HasDynamicTitle {

    private final transient AccessLog accessLog;
    private final transient Clock clock;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<AccessAction> action = new ComboBox<>();
    private final TextField actor = new TextField();
    private final TextField subject = new TextField();
    private final Paragraph summary = new Paragraph();
    private final Grid<AccessLogEntry> grid = new Grid<>();
    /** Read by downloads, which run outside the UI lock: an immutable query, replaced as the filters change. */
    private volatile AccessLogQuery query = AccessLogQuery.all();

    AccessLogView(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
        addClassName("baeum-access-log");
        setSizeFull();
        Locale locale = getLocale();

        from.setLabel(getTranslation("accessLog.from"));
        to.setLabel(getTranslation("accessLog.to"));
        for (DatePicker date : new DatePicker[] {from, to}) {
            date.setClearButtonVisible(true);
            date.setMax(LocalDate.now(clock));
            date.addValueChangeListener(e -> apply());
        }
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        action.setLabel(getTranslation("accessLog.action"));
        action.setItems(Arrays.asList(AccessAction.values()));
        action.setItemLabelGenerator(a -> getTranslation("accessAction." + a.name()));
        action.setPlaceholder(getTranslation("accessLog.anyAction"));
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> apply());
        actor.setLabel(getTranslation("accessLog.actor"));
        actor.setHelperText(getTranslation("accessLog.exactMatch"));
        subject.setLabel(getTranslation("accessLog.subject"));
        subject.setHelperText(getTranslation("accessLog.exactMatch"));
        for (TextField field : new TextField[] {actor, subject}) {
            field.setClearButtonVisible(true);
            field.setMaxLength(100);
            field.addValueChangeListener(e -> apply());
        }
        FormLayout filters = new FormLayout(from, to, action, actor, subject);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("60em", 5));
        Section filterSection = new Section(filters);
        filterSection.getElement().setAttribute("aria-label", getTranslation("accessLog.filters"));
        filterSection.setWidthFull();

        HorizontalLayout exports = new HorizontalLayout(
                link(download(AccessLogFormat.CSV, locale), AccessLogFormat.CSV, "accessLog.exportCsv"),
                link(download(AccessLogFormat.XLSX, locale), AccessLogFormat.XLSX, "accessLog.exportXlsx"));
        exports.setAlignItems(FlexComponent.Alignment.CENTER);
        exports.addClassName("baeum-exports");

        summary.getElement().setAttribute("aria-live", "polite");
        summary.addClassName("baeum-result-summary");

        grid.setAriaLabel(getTranslation("accessLog.title"));
        grid.addColumn(e -> Formats.timestamp(e.at())).setHeader(getTranslation("accessLog.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccessLogEntry::actorUsername).setHeader(getTranslation("accessLog.column.actor")).setAutoWidth(true);
        grid.addColumn(e -> e.actorRoles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("accessLog.column.roles")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("accessAction." + e.action().name()))
                .setHeader(getTranslation("accessLog.column.action")).setAutoWidth(true);
        grid.addColumn(AccessLogEntry::subjectAccountId).setHeader(getTranslation("accessLog.column.subject")).setAutoWidth(true);
        grid.addColumn(AccessLogEntry::clientAddress).setHeader(getTranslation("accessLog.column.address")).setAutoWidth(true);
        grid.addColumn(AccessLogEntry::detail).setHeader(getTranslation("accessLog.column.detail")).setFlexGrow(1);
        grid.setPageSize(100);
        grid.setItems(q -> accessLog.page(query, q.getOffset(), Math.min(q.getLimit(), AccessLog.MAX_PAGE_SIZE)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, accessLog.count(query)));
        grid.setEmptyStateText(getTranslation("accessLog.none"));
        grid.setSizeFull();

        add(new H1(getTranslation("accessLog.title")), new Paragraph(getTranslation("accessLog.lead")), filterSection,
                exports, new Paragraph(getTranslation("accessLog.exportNote", AccessLog.MAX_EXPORT_ROWS)), summary, grid);
        setFlexGrow(1, grid);
        updateSummary();
    }

    /** Streams the entries matching the filters at the moment of the download; runs outside the UI lock. */
    private DownloadHandler download(AccessLogFormat format, Locale locale) {
        return (DownloadEvent event) -> {
            AccessLogQuery current = query;
            event.setFileName("access-log-" + LocalDate.now(clock) + "." + format.extension());
            event.setContentType(format.contentType());
            try (OutputStream out = event.getOutputStream()) {
                accessLog.export(current, format, locale, out);
            }
        };
    }

    private Anchor link(DownloadHandler handler, AccessLogFormat format, String textKey) {
        Anchor anchor = new Anchor(handler, "");
        Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        anchor.add(icon, new Span(getTranslation(textKey)));
        anchor.addClassName("baeum-export");
        anchor.addClassName("baeum-export-" + format.extension());
        return anchor;
    }

    private void apply() {
        query = new AccessLogQuery(from.getValue(), to.getValue(), actor.getValue(), subject.getValue(), action.getValue());
        grid.getDataProvider().refreshAll();
        updateSummary();
    }

    private void updateSummary() {
        summary.setText(getTranslation("accessLog.count", accessLog.count(query)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accessLog.title") + " | " + getTranslation("app.name");
    }
}
