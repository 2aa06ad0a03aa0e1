package org.baeum.attendance.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.completion.ParticipantProgress;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.springframework.security.access.AccessDeniedException;

/**
 * Completion of one offering for its instructor and STAFF (decision 0034): each enrolled participant's sessions
 * attended of those held, the share, whether it meets the program's rule and whether it can still be reached; the
 * portfolio mark (only when the rule asks for one, saved at once); after the last session "수료 확정", which asks
 * first and then lists who completed with their certificate codes. The service decides who may open it.
 */
@Route("instructor/offerings/:id/completion")
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
class OfferingCompletionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Completions completions;
    private final transient Attendance attendance;
    private final transient CatalogService catalog;
    private final transient Clock clock;

    OfferingId offeringId;
    String title = "";
    final Div rows = new Div();
    final Map<EnrollmentId, Div> participantRows = new LinkedHashMap<>();
    final Map<EnrollmentId, Checkbox> portfolios = new LinkedHashMap<>();
    final Button confirm = new Button();
    final Paragraph status = new Paragraph();
    final Div results = new Div();
    Dialog dialog;
    Button confirmYes;
    private boolean reverting;

    OfferingCompletionView(Completions completions, Attendance attendance, CatalogService catalog, Clock clock) {
        this.completions = completions;
        this.attendance = attendance;
        this.catalog = catalog;
        this.clock = clock;
        addClassName("baeum-completion");
        setMaxWidth("48rem");
    }

    static String path(OfferingId id) {
        return "instructor/offerings/" + id.value() + "/completion";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        offeringId = new OfferingId(event.getRouteParameters().get("id").orElse(""));
        List<ParticipantProgress> progress;
        CompletionRule rule;
        List<LocalDate> sessions;
        try {
            progress = completions.progress(offeringId);
            rule = completions.ruleFor(offeringId);
            sessions = attendance.sheet(offeringId).sessions();
        } catch (AccessDeniedException | IllegalArgumentException refused) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
            return;
        }
        Offering offering = catalog.offering(offeringId).orElseThrow();
        title = offering.title(getLocale());
        status.setId("completion-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        add(new Anchor("instructor/offerings/" + offeringId.value() + "/attendance",
                getTranslation("completionPage.back")), new H1(getTranslation("completionPage.titleOf", title)),
                new Paragraph(describe(rule)));
        showRows(progress, rule);
        boolean over = !sessions.isEmpty() && !clock.instant().isBefore(sessions.getLast()
                .atTime(offering.schedule().endTime()).atZone(Formats.SEOUL).toInstant());
        confirm.setText(getTranslation("completionPage.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(over && !progress.isEmpty());
        confirm.addClickListener(e -> ask());
        Paragraph when = new Paragraph(over ? getTranslation("completionPage.confirmReady")
                : getTranslation("completionPage.confirmAfter", sessions.isEmpty() ? "-"
                        : Formats.date(sessions.getLast(), getLocale())));
        add(new H2(getTranslation("completionPage.participants")), rows, when, confirm, status, results);
        showResults(completions.confirmed(offeringId));
    }

    private String describe(CompletionRule rule) {
        String share = rule.numerator() == 0 ? getTranslation("completionPage.noMinimum")
                : getTranslation("completionPage.minimum", rule.numerator() + "/" + rule.denominator());
        return rule.portfolioRequired() ? share + " " + getTranslation("completionPage.portfolioRequired") : share;
    }

    private void showRows(List<ParticipantProgress> progress, CompletionRule rule) {
        rows.removeAll();
        participantRows.clear();
        portfolios.clear();
        if (progress.isEmpty()) {
            rows.add(new Paragraph(getTranslation("completionPage.noneEnrolled")));
        }
        for (ParticipantProgress p : progress) {
            Div row = new Div();
            row.addClassName("baeum-completion-row");
            row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            Span name = new Span(p.name());
            name.getStyle().set("font-weight", "600");
            Paragraph figures = new Paragraph(getTranslation("completionPage.figures", p.standing().attended(),
                    p.standing().held(), p.standing().total(),
                    String.format(getLocale(), "%.1f", 100 * p.shareSoFar())));
            figures.addClassName("baeum-completion-figures");
            Span meets = new Span(getTranslation(p.meetsSoFar() ? "completionPage.meets" : "completionPage.below"));
            meets.getElement().getThemeList().add(p.meetsSoFar() ? "badge success" : "badge error");
            meets.addClassName("baeum-completion-meets");
            row.add(name, figures, meets);
            if (!p.reachable()) {
                Span lost = new Span(getTranslation("completionPage.unreachable", Formats.date(p.lostOn(), getLocale())));
                lost.getElement().getThemeList().add("badge error");
                lost.addClassName("baeum-completion-unreachable");
                lost.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                row.add(lost);
            }
            if (rule.portfolioRequired()) {
                Checkbox box = new Checkbox(getTranslation("completionPage.portfolio"), p.portfolio());
                box.setAriaLabel(p.name() + ": " + getTranslation("completionPage.portfolio"));
                box.addValueChangeListener(e -> {
                    if (!reverting) {
                        portfolio(p, box, e.getValue(), e.getOldValue());
                    }
                });
                portfolios.put(p.enrollmentId(), box);
                row.add(new Div(box));
            }
            participantRows.put(p.enrollmentId(), row);
            rows.add(row);
        }
    }

    /** Saves a portfolio mark at once; on failure the box goes back and the status says why. */
    private void portfolio(ParticipantProgress p, Checkbox box, boolean accepted, boolean before) {
        try {
            completions.setPortfolio(offeringId, p.enrollmentId(), accepted);
            setStatus(getTranslation(accepted ? "completionPage.portfolioSaved" : "completionPage.portfolioCleared",
                    p.name()), false);
        } catch (RuntimeException failed) {
            reverting = true;
            box.setValue(before);
            reverting = false;
            setStatus(getTranslation("completionPage.portfolioFailed", p.name()), true);
        }
    }

    private void ask() {
        dialog = new Dialog(getTranslation("completionPage.confirmTitle"));
        dialog.add(new Paragraph(getTranslation("completionPage.confirmText", title)));
        Button yes = confirmYes = new Button(getTranslation("completionPage.confirmYes"), e -> {
            dialog.close();
            confirmNow();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yes.addClassName("baeum-completion-confirm-yes");
        Button no = new Button(getTranslation("completionPage.cancel"), e -> dialog.close());
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    void confirmNow() {
        try {
            List<Completion> done = completions.confirm(offeringId);
            showResults(done);
            long completed = done.stream().filter(Completion::completed).count();
            setStatus(getTranslation("completionPage.confirmed", completed, done.size()), false);
            Notification.show(getTranslation("completionPage.confirmed", completed, done.size()), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            var p = invalid.problems().getFirst();
            setStatus(getTranslation(p.messageKey(), p.arguments().toArray()), true);
        }
    }

    private void showResults(List<Completion> done) {
        results.removeAll();
        if (done.isEmpty()) {
            return;
        }
        results.add(new H2(getTranslation("completionPage.results")));
        for (Completion c : done) {
            Div line = new Div();
            line.addClassName(c.completed() ? "baeum-completion-completed" : "baeum-completion-not-completed");
            line.add(new Span(c.name() + " · " + getTranslation(c.completed() ? "completionPage.completed"
                    : "completionPage.notCompleted", c.sessions()) + " "));
            if (c.certificateCode() != null) {
                Anchor code = new Anchor("certificates/" + c.certificateCode(), c.certificateCode());
                code.addClassName("baeum-certificate-code");
                code.getElement().setAttribute("aria-label",
                        getTranslation("completionPage.certificate", c.name(), c.certificateCode()));
                line.add(code);
            }
            results.add(line);
        }
    }

    private void setStatus(String text, boolean failed) {
        status.setText(text);
        status.getStyle().set("color", failed ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("completionPage.title") : getTranslation("completionPage.titleOf", title);
    }
}
