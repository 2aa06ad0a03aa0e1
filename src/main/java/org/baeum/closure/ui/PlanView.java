package org.baeum.closure.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Optional;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.Dialogs;
import org.baeum.calendar.DaysOff;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;

/**
 * A declared closure for STAFF and ADMIN: its status (APPLYING while the due job works, then APPLIED, or LIFTED, or
 * FAILED when the job gave up), what the job noted it could not do as planned, what
 * it closes and why, the impact as stored when it was declared, and "lift early" after a confirmation. While the plan
 * is APPLYING the page asks the server every few seconds and announces the new status. An unknown id says so on the
 * page.
 */
@Route("staff/closures/plans/:id")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class PlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    static final int POLL_MILLIS = 2000;

    private final transient ClosureDesk desk;
    private final ClosureTexts texts;
    /** The plan's status, announced when it changes. */
    final Paragraph status = new Paragraph();
    final Button lift = new Button();
    final Div details = new Div();
    Dialog dialog;
    ClosurePlan plan;
    private Registration polling;

    PlanView(ClosureDesk desk, DaysOff daysOff) {
        this.desk = desk;
        this.texts = new ClosureTexts(daysOff.places(), this, this::getLocale);
        addClassName("baeum-closure-plan");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        lift.setText(getTranslation("closure.ui.lift"));
        lift.addThemeVariants(ButtonVariant.LUMO_ERROR);
        lift.addClickListener(e -> askToLift());
        details.setWidthFull();
        add(new H1(getTranslation("closure.ui.plan.title")),
                new RouterLink(getTranslation("closure.ui.back"), ClosuresView.class), status, details);
    }

    static RouteParameters parameters(String planId) {
        return new RouteParameters(ID, planId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        plan = event.getRouteParameters().get(ID).flatMap(desk::plan).orElse(null);
        show();
    }

    private void show() {
        details.removeAll();
        if (plan == null) {
            status.setText(getTranslation("closure.ui.plan.unknown"));
            lift.setVisible(false);
            return;
        }
        ClosureRequest request = plan.request();
        status.setText(statusText());
        DescriptionList facts = new DescriptionList();
        fact(facts, "closures.target", texts.where(request));
        fact(facts, "closures.period", texts.period(request));
        fact(facts, "closures.reasonKo", request.reasonKo());
        fact(facts, "closures.reasonEn", request.reasonEn());
        fact(facts, "closure.ui.declared", getTranslation("closure.ui.declaredBy", plan.declaredBy(),
                when(plan.declaredAt())));
        if (plan.appliedAt() != null) {
            fact(facts, "closure.ui.appliedAt", when(plan.appliedAt()));
        }
        if (plan.liftedAt() != null) {
            fact(facts, "closure.ui.liftedAt", when(plan.liftedAt()));
        }
        for (String note : plan.notes()) {
            fact(facts, "closure.ui.note", getTranslation("closure.ui.note." + note));
        }
        lift.setVisible(plan.status() == ClosurePlan.Status.APPLIED);
        details.add(facts, lift, new Paragraph(getTranslation("closure.ui.plan.impact")),
                new ImpactPanel(plan.impact(), texts, null));
        pollWhileApplying();
    }

    private String when(Instant instant) {
        return Formats.dateTime(instant, getLocale());
    }

    private void fact(DescriptionList facts, String key, String value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    void askToLift() {
        if (plan == null) {
            return;
        }
        dialog = new Dialog(getTranslation("closure.ui.lift.title"));
        dialog.add(new Paragraph(getTranslation("closure.ui.lift.text", texts.where(plan.request()),
                texts.period(plan.request()))));
        Button confirmLift = new Button(getTranslation("closure.ui.lift"), e -> doLift());
        confirmLift.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()), confirmLift);
        Dialogs.openIn(this, dialog);
    }

    private void doLift() {
        dialog.close();
        String id = plan.id();
        try {
            plan = desk.lift(id);
        } catch (InvalidInputException refused) {
            plan = desk.plan(id).orElse(null);
            show();
            status.setText(refused.problems().stream()
                    .map(p -> getTranslation(p.messageKey(), p.arguments().toArray()))
                    .reduce((a, b) -> a + " " + b).orElse(""));
            return;
        }
        show();
        status.setText(getTranslation("closure.ui.lifted", texts.where(plan.request())) + " " + statusText());
    }

    /** "상태: 적용 완료"; while applying, that lifting waits for it. */
    private String statusText() {
        String text = getTranslation("closure.ui.plan.status", getTranslation("closure.ui.status."
                + plan.status().name()));
        return switch (plan.status()) {
            case APPLYING -> text + " " + getTranslation("closure.ui.plan.applying");
            case FAILED -> text + " " + getTranslation("closure.ui.plan.failed");
            default -> text;
        };
    }

    /** While the due job applies the plan, looks again every {@link #POLL_MILLIS}; stops once it is done. */
    private void pollWhileApplying() {
        Optional<UI> ui = getUI().or(() -> Optional.ofNullable(UI.getCurrent()));
        if (ui.isEmpty()) {
            return;
        }
        boolean applying = plan != null && plan.status() == ClosurePlan.Status.APPLYING;
        if (applying && polling == null) {
            ui.get().setPollInterval(POLL_MILLIS);
            polling = ui.get().addPollListener(e -> refresh());
        } else if (!applying) {
            stopPolling(ui.get());
        }
    }

    /** Reads the plan again; shows it when its status changed. */
    void refresh() {
        if (plan == null) {
            return;
        }
        ClosurePlan.Status before = plan.status();
        plan = desk.plan(plan.id()).orElse(null);
        if (plan == null || plan.status() != before) {
            show();
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        pollWhileApplying();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("closure.ui.plan.title") + " | " + getTranslation("app.name");
    }
}
