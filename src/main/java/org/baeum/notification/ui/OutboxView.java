package org.baeum.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationService;
import org.baeum.notification.OutboxEntry;
import org.baeum.notification.OutboxMessage;
import org.baeum.notification.OutboxState;

/**
 * The outbox for STAFF and ADMIN: counts per state, every notification newest first (recipients masked), filtered by
 * state, kind and an exact recipient address. Opening one shows what was (or will be) sent; a failed one can be
 * sent again.
 */
@Route("staff/outbox")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 91, title = "nav.outbox", icon = "vaadin:envelopes")
class OutboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient NotificationService notifications;
    final Paragraph counts = new Paragraph();
    final Select<Optional<OutboxState>> state = new Select<>();
    final ComboBox<NotificationKind> kind = new ComboBox<>();
    final TextField recipient = new TextField();
    final Paragraph summary = new Paragraph();
    final Grid<OutboxEntry> grid = new Grid<>();
    Dialog dialog;
    Button resend;
    Pre body;

    OutboxView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("baeum-outbox");
        setSizeFull();

        counts.addClassName("baeum-outbox-counts");

        state.setLabel(getTranslation("outbox.state"));
        List<Optional<OutboxState>> states = new ArrayList<>();
        states.add(Optional.empty());
        Arrays.stream(OutboxState.values()).map(Optional::of).forEach(states::add);
        state.setItems(states);
        state.setItemLabelGenerator(o -> o.map(s -> getTranslation(s.messageKey())).orElse(getTranslation("outbox.anyState")));
        state.setValue(Optional.empty());
        state.addValueChangeListener(e -> apply());
        kind.setLabel(getTranslation("outbox.kind"));
        kind.setItems(Arrays.asList(NotificationKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setPlaceholder(getTranslation("outbox.anyKind"));
        kind.setClearButtonVisible(true);
        kind.addValueChangeListener(e -> apply());
        recipient.setLabel(getTranslation("outbox.recipient"));
        recipient.setHelperText(getTranslation("outbox.recipient.helper"));
        recipient.setClearButtonVisible(true);
        recipient.setMaxLength(254);
        recipient.addValueChangeListener(e -> apply());
        FormLayout filters = new FormLayout(state, kind, recipient);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        Section filterSection = new Section(filters);
        filterSection.getElement().setAttribute("aria-label", getTranslation("outbox.filters"));
        filterSection.setWidthFull();

        Button refresh = new Button(getTranslation("outbox.refresh"), VaadinIcon.REFRESH.create(), e -> apply());
        refresh.getIcon().getElement().setAttribute("aria-hidden", "true");
        HorizontalLayout status = new HorizontalLayout(counts, refresh);
        status.setAlignItems(FlexComponent.Alignment.BASELINE);
        status.setWrap(true);

        summary.getElement().setAttribute("aria-live", "polite");
        summary.addClassName("baeum-result-summary");

        grid.setAriaLabel(getTranslation("outbox.title"));
        grid.addColumn(e -> Formats.timestamp(e.createdAt())).setHeader(getTranslation("outbox.column.created"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation(e.kind().messageKey())).setHeader(getTranslation("outbox.column.kind"))
                .setAutoWidth(true);
        grid.addColumn(OutboxEntry::maskedRecipient).setHeader(getTranslation("outbox.column.recipient")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.state().messageKey())).setHeader(getTranslation("outbox.column.state"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxEntry::attempts).setHeader(getTranslation("outbox.column.attempts")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(this::when).setHeader(getTranslation("outbox.column.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.lastError() == null ? "" : e.lastError()).setHeader(getTranslation("outbox.column.error"))
                .setFlexGrow(1);
        grid.setItems(q -> notifications.outbox(selectedState(), kind.getValue(), recipient.getValue(), q.getOffset(),
                q.getLimit()).stream(), q -> (int) Math.min(Integer.MAX_VALUE, count()));
        grid.setEmptyStateText(getTranslation("outbox.none"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(entry -> {
            open(entry.id());
            grid.deselectAll();
        }));
        grid.setSizeFull();

        add(new H1(getTranslation("outbox.title")), new Paragraph(getTranslation("outbox.lead")), status, filterSection,
                summary, grid);
        setFlexGrow(1, grid);
        updateCounts();
    }

    /** The due time of a row still to send, the time it was sent once done. */
    private String when(OutboxEntry e) {
        Instant at = e.state() == OutboxState.DONE && e.sentAt() != null ? e.sentAt() : e.dueAt();
        String key = e.state() == OutboxState.DONE ? "outbox.sentAt" : "outbox.dueAt";
        return at == null ? "" : getTranslation(key, Formats.timestamp(at));
    }

    private OutboxState selectedState() {
        return state.getValue() == null ? null : state.getValue().orElse(null);
    }

    private long count() {
        return notifications.count(selectedState(), kind.getValue(), recipient.getValue());
    }

    private void apply() {
        grid.getDataProvider().refreshAll();
        updateCounts();
    }

    private void updateCounts() {
        counts.setText(Arrays.stream(OutboxState.values())
                .map(s -> getTranslation("outbox.stateCount", getTranslation(s.messageKey()), notifications.countByState(s)))
                .collect(Collectors.joining(" · ")));
        summary.setText(getTranslation("outbox.count", count()));
    }

    void open(String id) {
        Optional<OutboxMessage> found = notifications.message(id);
        if (found.isEmpty()) {
            Notification.show(getTranslation("outbox.gone"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            apply();
            return;
        }
        OutboxMessage message = found.get();
        OutboxEntry entry = message.entry();
        dialog = new Dialog();
        dialog.setHeaderTitle(message.subject());
        DescriptionList facts = new DescriptionList();
        term(facts, "outbox.column.recipient", message.to());
        term(facts, "outbox.column.kind", getTranslation(entry.kind().messageKey()));
        term(facts, "outbox.column.state", getTranslation(entry.state().messageKey()));
        term(facts, "outbox.column.attempts", String.valueOf(entry.attempts()));
        term(facts, "outbox.column.created", Formats.timestamp(entry.createdAt()));
        String when = when(entry);
        if (!when.isEmpty()) {
            term(facts, "outbox.column.when", when);
        }
        if (entry.lastError() != null) {
            term(facts, "outbox.column.error", entry.lastError());
        }
        term(facts, "outbox.messageId", message.messageId());
        dialog.add(facts);

        body = new Pre(message.textBody() == null ? "" : message.textBody());
        body.addClassName("baeum-outbox-text");
        body.getStyle().set("white-space", "pre-wrap");
        dialog.add(new H3(getTranslation("outbox.text")), body);
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            dialog.add(htmlPreview(message.htmlBody()));
        }

        Button close = new Button(getTranslation("common.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        if (entry.state() == OutboxState.FAILED) {
            resend = new Button(getTranslation("outbox.resend"), e -> resend(entry.id()));
            resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            resend.addClassName("baeum-outbox-resend");
            dialog.getFooter().add(resend);
        } else {
            resend = null;
        }
        dialog.setWidth("min(95vw, 48rem)");
        Dialog opened = dialog;
        opened.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(opened);
            }
        });
        add(opened);
        opened.open();
    }

    /** The HTML as the recipient sees it, in a frame that runs no script and cannot reach the portal. */
    private Details htmlPreview(String html) {
        IFrame frame = new IFrame();
        frame.setSrcdoc(html);
        frame.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
        frame.getElement().setAttribute("title", getTranslation("outbox.html"));
        frame.getElement().setAttribute("referrerpolicy", "no-referrer");
        frame.addClassName("baeum-outbox-html");
        frame.getStyle().set("width", "100%").set("height", "24rem").set("border", "1px solid var(--lumo-contrast-20pct)");
        Details details = new Details(getTranslation("outbox.html"), frame);
        details.setWidthFull();
        return details;
    }

    private void resend(String id) {
        boolean queued = notifications.resend(id);
        dialog.close();
        apply();
        if (queued) {
            Notification.show(getTranslation("outbox.resent"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(getTranslation("outbox.notFailed"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " | " + getTranslation("app.name");
    }
}
