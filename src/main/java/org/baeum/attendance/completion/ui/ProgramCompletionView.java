package org.baeum.attendance.completion.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.attendance.AttendancePoints;
import org.baeum.attendance.AttendanceRules;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramId;

/**
 * STAFF set a program's rule of completion (the least share of held sessions: none or a common fraction, and whether
 * a portfolio or assessment is required) and the points of each attendance status (decision 0034). Nothing is stored
 * until both are right: the points are checked and saved first, the rule (chosen from a list) after them.
 */
@Route("staff/programs/:programId/completion")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class ProgramCompletionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The shares offered: none, then the common ones (a rule set otherwise, e.g. over the API, is added). */
    static final List<Share> COMMON = List.of(new Share(0, 1), new Share(1, 2), new Share(2, 3), new Share(3, 4),
            new Share(4, 5));

    /** A share of sessions, {@code 0/1} for none. */
    record Share(int numerator, int denominator) {
    }

    private final transient CompletionRules rules;
    private final transient AttendanceRules points;
    private final transient CatalogService catalog;

    ProgramId programId;
    String title = "";
    final Select<Share> share = new Select<>();
    final Checkbox portfolio = new Checkbox();
    final Map<AttendanceStatus, IntegerField> worth = new LinkedHashMap<>();
    final Button save = new Button();

    ProgramCompletionView(CompletionRules rules, AttendanceRules points, CatalogService catalog) {
        this.rules = rules;
        this.points = points;
        this.catalog = catalog;
        addClassName("baeum-completion-rule");
        setMaxWidth("48rem");
    }

    static String path(ProgramId id) {
        return "staff/programs/" + id.value() + "/completion";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        programId = new ProgramId(event.getRouteParameters().get("programId").orElse(""));
        Program program = catalog.program(programId).orElse(null);
        if (program == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = program.title(getLocale());
        CompletionRule rule = rules.ruleOf(programId);
        AttendancePoints current = points.pointsOf(programId);

        List<Share> shares = new ArrayList<>(COMMON);
        Share chosen = rule.numerator() == 0 ? COMMON.getFirst() : new Share(rule.numerator(), rule.denominator());
        if (!shares.contains(chosen)) {
            shares.add(chosen);
        }
        share.setLabel(getTranslation("completionRule.share"));
        share.setHelperText(getTranslation("completionRule.shareHelp"));
        share.setItems(shares);
        share.setItemLabelGenerator(this::label);
        share.setValue(chosen);
        portfolio.setLabel(getTranslation("completionRule.portfolio"));
        portfolio.setValue(rule.portfolioRequired());

        FormLayout pointsForm = new FormLayout();
        for (AttendanceStatus s : List.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT,
                AttendanceStatus.EXCUSED)) {
            IntegerField field = new IntegerField(getTranslation("attendance.status." + s.name()));
            field.setMin(s == AttendanceStatus.PRESENT ? 1 : 0); // present is full marks (AttendanceRules)
            field.setMax(AttendancePoints.MAX);
            field.setStepButtonsVisible(true);
            field.setValue(current.of(s));
            worth.put(s, field);
            pointsForm.add(field);
        }
        save.setText(getTranslation("completionRule.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new Anchor("staff/catalog", getTranslation("completionRule.back")),
                new H1(getTranslation("completionRule.titleOf", title)),
                new H2(getTranslation("completionRule.rule")), share, portfolio,
                new H2(getTranslation("completionRule.points")),
                new Paragraph(getTranslation("completionRule.pointsHelp")), pointsForm, save);
    }

    private String label(Share s) {
        if (s.numerator() == 0) {
            return getTranslation("completionRule.none");
        }
        return getTranslation("completionRule.fraction", s.numerator(), s.denominator(),
                String.format(getLocale(), "%.1f", 100.0 * s.numerator() / s.denominator()));
    }

    /** Saves the points, then the rule; a problem shows at its field and stops before anything is stored. */
    void save() {
        Map<String, HasValidation> fields = fields();
        FieldErrors.clear(fields);
        List<FieldProblem> missing = new ArrayList<>();
        worth.forEach((s, f) -> {
            if (f.getValue() == null) {
                missing.add(FieldProblem.of(s.name().toLowerCase(java.util.Locale.ROOT), "validation.required"));
            }
        });
        if (share.getValue() == null) {
            missing.add(FieldProblem.of("numerator", "validation.required"));
        }
        if (!missing.isEmpty()) {
            FieldErrors.show(fields, missing, this::getTranslation);
            return;
        }
        try {
            points.setPoints(programId, new AttendancePoints(value(AttendanceStatus.PRESENT),
                    value(AttendanceStatus.LATE), value(AttendanceStatus.EXCUSED), value(AttendanceStatus.ABSENT)));
            rules.setRule(programId, new CompletionRule(share.getValue().numerator(), share.getValue().denominator(),
                    portfolio.getValue()));
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
            return;
        }
        Notification.show(getTranslation("completionRule.saved", title), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private int value(AttendanceStatus s) {
        return worth.get(s).getValue();
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        worth.forEach((s, f) -> fields.put(s.name().toLowerCase(java.util.Locale.ROOT), f));
        fields.put("numerator", share);
        fields.put("denominator", share);
        return fields;
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("completionRule.title") : getTranslation("completionRule.titleOf", title);
    }
}
