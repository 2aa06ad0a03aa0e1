package org.baeum.attendance.degree.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.attendance.degree.DegreeLevel;
import org.baeum.attendance.degree.DegreeRuleDraft;
import org.baeum.attendance.degree.DegreeRuleSet;
import org.baeum.attendance.degree.DegreeRules;
import org.baeum.attendance.degree.LevelRule;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;

/**
 * ADMIN sets the honorary degree's thresholds: hours per level beyond the previous one, whether an output is
 * required, the least attendance for hours to count and the day the new version takes effect; below, every version.
 * Saving always adds a version (decision 0036).
 */
@Route("admin/degree-rules")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 99, title = "nav.degreeRules", icon = "vaadin:academy-cap")
class DegreeRulesView extends VerticalLayout implements HasDynamicTitle {

    private final transient DegreeRules rules;
    private final transient Clock clock;
    final Map<DegreeLevel, IntegerField> hours = new EnumMap<>(DegreeLevel.class);
    final Map<DegreeLevel, Checkbox> output = new EnumMap<>(DegreeLevel.class);
    final IntegerField share = new IntegerField();
    final DatePicker effectiveFrom = new DatePicker();
    final Button save = new Button();
    final Paragraph current = new Paragraph();
    final Grid<DegreeRuleSet> history = new Grid<>();
    /** Says at the save button that a newer version was saved since the form was loaded. */
    final Paragraph problem = new Paragraph();
    /** The newest version when the form was loaded: the save is an edit of it. */
    private int basedOn;

    DegreeRulesView(DegreeRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        addClassName("baeum-degree-rules");
        current.addClassName("baeum-degree-rules-current");
        HorizontalLayout levels = new HorizontalLayout();
        levels.setWrap(true);
        levels.setAlignItems(FlexComponent.Alignment.BASELINE);
        for (DegreeLevel level : DegreeLevel.values()) {
            String name = getTranslation(level.messageKey());
            IntegerField h = new IntegerField(getTranslation("degreeRules.hours", name));
            h.setMin(1);
            h.setMax(LevelRule.MAX_HOURS);
            h.setStepButtonsVisible(true);
            Checkbox o = new Checkbox(getTranslation("degreeRules.output", name));
            hours.put(level, h);
            output.put(level, o);
            VerticalLayout pair = new VerticalLayout(h, o);
            pair.setPadding(false);
            pair.setSpacing(false);
            pair.setWidth("auto");
            levels.add(pair);
        }
        share.setLabel(getTranslation("degreeRules.share"));
        share.setHelperText(getTranslation("degreeRules.share.helper"));
        share.setMin(0);
        share.setMax(100);
        effectiveFrom.setLabel(getTranslation("degreeRules.effectiveFrom"));
        effectiveFrom.setLocale(getLocale());
        save.setText(getTranslation("degreeRules.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true); // a double click saves once; save() enables it again
        save.addClickListener(e -> save());
        problem.addClassName("baeum-degree-rules-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout more = new HorizontalLayout(share, effectiveFrom, save, problem);
        more.setWrap(true);
        more.setAlignItems(FlexComponent.Alignment.BASELINE);

        history.setAriaLabel(getTranslation("degreeRules.history"));
        history.addColumn(DegreeRuleSet::version).setHeader(getTranslation("degreeRules.col.version")).setAutoWidth(true);
        history.addColumn(r -> Formats.date(r.effectiveFrom(), getLocale()))
                .setHeader(getTranslation("degreeRules.col.effectiveFrom")).setAutoWidth(true);
        history.addColumn(this::levels).setHeader(getTranslation("degreeRules.col.levels")).setFlexGrow(1);
        history.addColumn(r -> r.minAttendancePercent() == 0 ? getTranslation("degreeRules.noShare")
                : r.minAttendancePercent() + " %").setHeader(getTranslation("degreeRules.col.share")).setAutoWidth(true);
        history.addColumn(r -> Formats.dateTime(r.changedAt(), getLocale()))
                .setHeader(getTranslation("degreeRules.col.changedAt")).setAutoWidth(true);
        history.setAllRowsVisible(true);
        Section historySection = new Section(new H2(getTranslation("degreeRules.history")), history);
        historySection.setWidthFull();

        add(new H1(getTranslation("degreeRules.title")), new Paragraph(getTranslation("degreeRules.intro")), current,
                levels, more, historySection);
        refresh();
    }

    private String levels(DegreeRuleSet r) {
        return r.levels().stream().map(l -> getTranslation(l.outputRequired() ? "degreeRules.levelSummaryOutput"
                : "degreeRules.levelSummary", getTranslation(l.level().messageKey()), l.hours()))
                .collect(Collectors.joining(" · "));
    }

    private void refresh() {
        DegreeRuleSet now = rules.current();
        current.setText(getTranslation("degreeRules.current", now.version(),
                Formats.date(now.effectiveFrom(), getLocale())));
        for (LevelRule l : now.levels()) {
            hours.get(l.level()).setValue(l.hours());
            output.get(l.level()).setValue(l.outputRequired());
        }
        share.setValue(now.minAttendancePercent());
        effectiveFrom.setValue(LocalDate.now(clock.withZone(Formats.SEOUL)));
        List<DegreeRuleSet> all = rules.history();
        basedOn = all.getFirst().version();
        history.setItems(all);
    }

    void save() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        hours.forEach((level, field) -> fields.put("hours." + level.name(), field));
        fields.put("minAttendancePercent", share);
        fields.put("effectiveFrom", effectiveFrom);
        FieldErrors.clear(fields);
        problem.setText("");
        List<LevelRule> levels = new ArrayList<>();
        for (DegreeLevel level : DegreeLevel.values()) {
            Integer h = hours.get(level).getValue();
            levels.add(new LevelRule(level, h == null ? 0 : h, output.get(level).getValue()));
        }
        try {
            DegreeRuleSet saved = rules.save(basedOn, new DegreeRuleDraft(effectiveFrom.getValue(), levels,
                    share.getValue() == null ? 0 : share.getValue()));
            refresh();
            Notification.show(getTranslation("degreeRules.saved", saved.version(),
                    Formats.date(saved.effectiveFrom(), getLocale())), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            invalid.problems().stream().filter(p -> "version".equals(p.field())).findFirst()
                    .ifPresent(p -> problem.setText(getTranslation(p.messageKey(), p.arguments().toArray())));
            FieldErrors.show(fields, invalid.problems().stream().filter(p -> !"version".equals(p.field())).toList(),
                    this::getTranslation);
        } finally {
            save.setEnabled(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("degreeRules.title") + " | " + getTranslation("app.name");
    }
}
