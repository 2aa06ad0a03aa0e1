package org.baeum.base.desk.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.desk.FrontDesk;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * 접수 데스크 (decision 0044): one labelled field where STAFF type a name or a code, or a USB QR scanner types the code
 * and Enter; every {@link CheckInSource} (bookings, memberships, …) answers with its matches, listed with the person,
 * what, its state and a check-in button named for the person. What happened is said in a polite live region. The view
 * knows no feature: it only asks the sources through {@link FrontDesk} (which writes the search to the access log), in
 * the page's language ({@link LocaleContextHolder} during the call).
 */
@Route("staff/desk")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 61.5, title = "desk.nav", icon = "vaadin:check-square-o")
class DeskView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_QUERY = 100;

    private final transient FrontDesk desk;
    private final transient Clock clock;
    final TextField query = new TextField();
    final Button find = new Button();
    final Div message = new Div();
    final UnorderedList results = new UnorderedList();
    private String lastQuery;

    DeskView(FrontDesk desk, Clock clock) {
        this.clock = clock;
        this.desk = desk;
        addClassName("baeum-desk");
        query.setLabel(getTranslation("desk.query"));
        query.setHelperText(getTranslation("desk.queryHelper"));
        query.setMaxLength(MAX_QUERY);
        query.setWidth("min(100%, 24rem)");
        query.setAutofocus(true);
        query.getElement().setAttribute("autocomplete", "off");
        find.setText(getTranslation("desk.find"));
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(Key.ENTER).listenOn(query); // Enter on a check-in button checks in, nothing else
        find.addClickListener(e -> search(query.getValue()));
        HorizontalLayout bar = new HorizontalLayout(query, find);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        message.setId("desk-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");
        results.addClassName("baeum-desk-results");
        results.getElement().setAttribute("aria-labelledby", "desk-results-title");
        H2 title = new H2(getTranslation("desk.results"));
        title.setId("desk-results-title");
        add(new H1(getTranslation("desk.title")), new Paragraph(getTranslation("desk.intro")), bar, message, title,
                results);
    }

    /** Asks every source for the query and lists what they found. */
    void search(String text) {
        String q = text == null ? "" : text.strip();
        lastQuery = q;
        results.removeAll();
        if (q.length() < 2) {
            say("desk.tooShort");
            return;
        }
        List<DeskMatch> found = matches(q);
        found.forEach(m -> results.add(item(m)));
        if (found.isEmpty()) {
            say("desk.none", q);
        } else {
            say("desk.found", found.size());
        }
    }

    /** Checks one match in through its source, then says what happened and lists the query again. */
    void checkIn(DeskMatch m) {
        try {
            DeskMatch done = inLanguage(() -> desk.checkIn(m));
            search(lastQuery);
            say("desk.checkedIn", done.person(), done.what(), time(done));
        } catch (IllegalStateException refused) {
            search(lastQuery);
            say("desk.refused", m.person(), getTranslation(refused.getMessage()));
        }
        query.focus();
    }

    /** Takes back today's check-in of one match through its source (decision 0047), then lists the query again. */
    void undo(DeskMatch m) {
        try {
            DeskMatch done = inLanguage(() -> desk.undo(m));
            search(lastQuery);
            say("desk.undone", done.person(), done.what());
        } catch (IllegalStateException refused) {
            search(lastQuery);
            say("desk.undoRefused", m.person(), getTranslation(refused.getMessage()));
        }
        query.focus();
    }

    private List<DeskMatch> matches(String q) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        return inLanguage(() -> desk.find(q, today)); // one access-log entry per search (decision 0047)
    }

    private ListItem item(DeskMatch m) {
        Span person = new Span(m.person());
        person.addClassName("baeum-desk-person");
        Span what = new Span(m.what());
        Span status = new Span(getTranslation(m.statusKey()) + (m.checkedInAt() == null ? ""
                : " · " + getTranslation("desk.at", time(m))));
        status.addClassName("baeum-desk-status");
        ListItem item = new ListItem(person, new Span(" · "), what, new Span(" · "), status);
        if (m.canCheckIn()) {
            Button in = new Button(getTranslation("desk.checkIn"), e -> checkIn(m));
            in.getElement().setAttribute("aria-label", getTranslation("desk.checkInFor", m.person(), m.what()));
            in.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            in.getStyle().set("min-height", "44px").set("margin-inline-start", "var(--lumo-space-m)");
            in.addClassName("baeum-desk-check-in");
            item.add(in);
        }
        if (m.canUndo()) {
            Button undo = new Button(getTranslation("desk.undo"), e -> undo(m));
            undo.getElement().setAttribute("aria-label", getTranslation("desk.undoFor", m.person(), m.what()));
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            undo.getStyle().set("min-height", "44px").set("margin-inline-start", "var(--lumo-space-m)");
            undo.addClassName("baeum-desk-undo");
            item.add(undo);
        }
        return item;
    }

    private String time(DeskMatch m) {
        return m.checkedInAt() == null ? ""
                : LocalTime.ofInstant(m.checkedInAt(), Formats.SEOUL).withSecond(0).withNano(0).toString();
    }

    private void say(String key, Object... args) {
        message.setText(getTranslation(key, args));
    }

    private <T> T inLanguage(Supplier<T> call) {
        var before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(getLocale());
        try {
            return call.get();
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("desk.title") + " | " + getTranslation("app.name");
    }
}
