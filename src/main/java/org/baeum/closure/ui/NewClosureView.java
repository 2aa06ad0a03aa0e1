package org.baeum.closure.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.base.ui.Dialogs;
import org.baeum.base.ui.FieldErrors;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.SessionChoice;

/**
 * STAFF and ADMIN declare a closure (휴관 선언): the place, the days, optional hours and the reasons, then its impact
 * ({@link ClosureDesk#preview}) in sections, a choice per offering hit (each choice previews again, so the refund or
 * the make-up dates shown are the ones that will apply), and a confirmation that says what will happen and how many
 * people are mailed before {@link ClosureDesk#declare}. Changing any input clears the preview: what is confirmed is
 * what was previewed.
 */
@Route("staff/closures/new")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class NewClosureView extends VerticalLayout implements HasDynamicTitle {

    private final transient ClosureDesk desk;
    private final ClosureTexts texts;
    final Select<ClosureScope> scope = new Select<>();
    final ComboBox<ClosablePlace> place = new ComboBox<>();
    final DatePicker firstDay = new DatePicker();
    final DatePicker lastDay = new DatePicker();
    final TimePicker fromTime = new TimePicker();
    final TimePicker toTime = new TimePicker();
    final TextField reasonKo = new TextField();
    final TextField reasonEn = new TextField();
    final Button preview = new Button();
    final Button confirm = new Button();
    /** What the last preview or refusal came to; announced to screen readers. */
    final Div status = new Div();
    final Div impactArea = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    /** The request the shown impact answers, with the choices made so far; null when nothing is previewed. */
    private ClosureRequest previewed;
    ClosureImpact impact;
    ImpactPanel panel;
    Dialog dialog;

    NewClosureView(ClosureDesk desk, DaysOff daysOff) {
        this.desk = desk;
        this.texts = new ClosureTexts(daysOff.places(), this, this::getLocale);
        addClassName("baeum-closure-new");

        scope.setLabel(getTranslation("closures.scope"));
        scope.setItems(ClosureScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("closure.scope." + s.name()));
        scope.addValueChangeListener(e -> chooseScope(e.getValue()));
        place.setLabel(getTranslation("closures.target"));
        place.setItemLabelGenerator(texts::name);
        place.setEnabled(false);
        firstDay.setLabel(getTranslation("closures.firstDay"));
        lastDay.setLabel(getTranslation("closures.lastDay"));
        firstDay.setRequiredIndicatorVisible(true);
        lastDay.setRequiredIndicatorVisible(true);
        fromTime.setLabel(getTranslation("closure.ui.fromTime"));
        toTime.setLabel(getTranslation("closure.ui.toTime"));
        fromTime.setHelperText(getTranslation("closure.ui.hoursHelp"));
        fromTime.setStep(Duration.ofMinutes(30));
        toTime.setStep(Duration.ofMinutes(30));
        reasonKo.setLabel(getTranslation("closures.reasonKo"));
        reasonEn.setLabel(getTranslation("closures.reasonEn"));
        reasonKo.setMaxLength(DaysOff.MAX_REASON);
        reasonEn.setMaxLength(DaysOff.MAX_REASON);
        reasonKo.setRequiredIndicatorVisible(true);
        reasonEn.setRequiredIndicatorVisible(true);
        fields.put("scope", scope);
        fields.put("place", place);
        fields.put("firstDay", firstDay);
        fields.put("lastDay", lastDay);
        fields.put("fromTime", fromTime);
        fields.put("toTime", toTime);
        fields.put("reasonKo", reasonKo);
        fields.put("reasonEn", reasonEn);
        List.<HasValue<?, ?>>of(scope, place, firstDay, lastDay, fromTime, toTime, reasonKo, reasonEn)
                .forEach(f -> f.addValueChangeListener(e -> clearPreview()));

        preview.setText(getTranslation("closure.ui.preview"));
        preview.addClickListener(e -> showPreview());
        confirm.setText(getTranslation("closure.ui.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> askToConfirm());
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        impactArea.setWidthFull();

        FormLayout form = new FormLayout(scope, place, firstDay, lastDay, fromTime, toTime, reasonKo, reasonEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        RouterLink back = new RouterLink(getTranslation("closure.ui.back"), ClosuresView.class);
        add(new H1(getTranslation("closure.ui.new.title")), new Paragraph(getTranslation("closure.ui.new.intro")), back,
                form, preview, status, impactArea, confirm);
    }

    private void chooseScope(ClosureScope chosen) {
        place.clear();
        place.setItems(chosen == null || chosen == ClosureScope.ALL ? List.of() : texts.places(chosen));
        place.setEnabled(chosen != null && chosen != ClosureScope.ALL);
        place.setRequiredIndicatorVisible(place.isEnabled());
    }

    /** The request the form describes, with {@code choices}. */
    private ClosureRequest request(Map<String, SessionChoice> choices) {
        ClosablePlace chosen = place.getValue();
        ClosureScope s = scope.getValue();
        String branchId = s == null || s == ClosureScope.ALL || chosen == null ? null : chosen.branchId();
        return new ClosureRequest(branchId, s == ClosureScope.ROOM && chosen != null ? chosen.id() : null,
                s == ClosureScope.FACILITY && chosen != null ? chosen.id() : null, firstDay.getValue(),
                lastDay.getValue(), fromTime.getValue(), toTime.getValue(), reasonKo.getValue(), reasonEn.getValue(),
                choices);
    }

    /** The place is the one thing the service cannot check: without it, the request would close every branch. */
    private boolean placeChosen() {
        if (scope.getValue() == null) {
            FieldErrors.show(fields, List.of(FieldProblem.of("scope", "validation.required")), this::getTranslation);
            return false;
        }
        if (scope.getValue() != ClosureScope.ALL && place.getValue() == null) {
            FieldErrors.show(fields, List.of(FieldProblem.of("place", "validation.required")), this::getTranslation);
            return false;
        }
        return true;
    }

    void showPreview() {
        FieldErrors.clear(fields);
        clearPreview();
        if (!placeChosen()) {
            announce(getTranslation("closure.ui.fixFields"), true);
            return;
        }
        run(request(Map.of()));
    }

    /** STAFF chose what happens to an offering's sessions: preview again with it. */
    void choose(String offeringId, SessionChoice choice) {
        if (previewed == null) {
            return;
        }
        Map<String, SessionChoice> choices = new LinkedHashMap<>(previewed.offerings());
        choices.put(offeringId, choice);
        run(new ClosureRequest(previewed.branchId(), previewed.roomId(), previewed.facilityId(), previewed.firstDay(),
                previewed.lastDay(), previewed.fromTime(), previewed.toTime(), previewed.reasonKo(),
                previewed.reasonEn(), choices));
    }

    private void run(ClosureRequest request) {
        try {
            ClosureImpact shown = desk.preview(request);
            previewed = request;
            impact = shown;
            if (panel == null || !panel.update(shown)) {
                panel = new ImpactPanel(shown, texts, this::choose);
                impactArea.removeAll();
                impactArea.add(panel);
            }
            boolean ready = ImpactPanel.everyOfferingChosen(shown);
            confirm.setEnabled(ready);
            announce(getTranslation(ready ? "closure.ui.previewed.ready" : "closure.ui.previewed.choose",
                    shown.sessions().size(), shown.bookings().size(), shown.clubSlots().size(), shown.offers().size(),
                    shown.people(), ImpactPanel.perOffering(shown.sessions()).size()), false);
        } catch (InvalidInputException invalid) {
            clearPreview();
            FieldErrors.show(fields, placed(invalid.problems()), this::getTranslation);
            announce(getTranslation("closure.ui.fixFields"), true);
        }
    }

    /** The service names the place by its id field; the form has one field for it. */
    private static List<FieldProblem> placed(List<FieldProblem> problems) {
        return problems.stream().map(p -> switch (p.field()) {
            case "branchId", "roomId", "facilityId", "target" -> new FieldProblem("place", p.messageKey(),
                    p.arguments());
            default -> p;
        }).toList();
    }

    /** The request the shown impact answers, with the choices made; null when nothing is previewed. */
    ClosureRequest previewed() {
        return previewed;
    }

    private void clearPreview() {
        if (previewed == null && impact == null) {
            return;
        }
        previewed = null;
        impact = null;
        panel = null;
        impactArea.removeAll();
        confirm.setEnabled(false);
        announce(getTranslation("closure.ui.previewCleared"), false);
    }

    void askToConfirm() {
        if (previewed == null || impact == null || !ImpactPanel.everyOfferingChosen(impact)) {
            return;
        }
        ClosureRequest request = previewed;
        long cancelled = impact.sessions().stream().filter(s -> s.choice() == SessionChoice.CANCEL).count();
        long moved = impact.sessions().size() - cancelled;
        dialog = new Dialog(getTranslation("closure.ui.confirm.title"));
        dialog.add(new Paragraph(getTranslation("closure.ui.confirm.what", texts.where(request), texts.period(request),
                texts.reason(request))));
        dialog.add(new Paragraph(getTranslation("closure.ui.confirm.changes", cancelled, moved,
                impact.bookings().size(), impact.clubSlots().size(), impact.offers().size())));
        dialog.add(new Paragraph(getTranslation("closure.ui.confirm.mail", impact.people())));
        Button declare = new Button(getTranslation("closure.ui.confirm"), e -> declare(request));
        declare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()), declare);
        Dialogs.openIn(this, dialog);
    }

    private void declare(ClosureRequest request) {
        dialog.close();
        try {
            ClosurePlan plan = desk.declare(request);
            getUI().ifPresent(ui -> ui.navigate(PlanView.class, PlanView.parameters(plan.id())));
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, placed(invalid.problems()), this::getTranslation);
            announce(getTranslation("closure.ui.fixFields"), true);
        }
    }

    /** Replaces the status text; a problem is an alert, read at once. */
    private void announce(String text, boolean alert) {
        status.setText(text);
        status.getElement().setAttribute("role", alert ? "alert" : "status");
        status.getElement().setAttribute("aria-live", alert ? "assertive" : "polite");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("closure.ui.new.title") + " | " + getTranslation("app.name");
    }
}
