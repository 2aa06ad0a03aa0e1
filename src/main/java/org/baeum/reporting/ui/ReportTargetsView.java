package org.baeum.reporting.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.Target;
import org.baeum.reporting.TargetLine;
import org.baeum.reporting.Targets;

/**
 * ADMIN sets the yearly targets (추진 목표) the report "targets" measures against: year, line and item, measure
 * (실인원 or 연인원) and value; below, the year's targets with a delete button each. Saving the same year, line, item
 * and measure again changes the value.
 */
@Route("admin/report-targets")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 99.5, title = "report.nav.targets", icon = "vaadin:bullseye")
class ReportTargetsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Targets targets;
    final IntegerField year = new IntegerField();
    final Select<TargetLine> line = new Select<>();
    final Select<String> key = new Select<>();
    final Select<ColumnKind> measure = new Select<>();
    final IntegerField value = new IntegerField();
    final Button save = new Button();
    final Grid<Target> grid = new Grid<>();

    ReportTargetsView(Targets targets, Clock clock) {
        this.targets = targets;
        addClassName("baeum-report-targets");
        year.setLabel(getTranslation("report.targetsView.year"));
        year.setMin(Targets.FIRST_YEAR);
        year.setMax(Targets.LAST_YEAR);
        year.setStepButtonsVisible(true);
        year.setValue(LocalDate.now(clock.withZone(Formats.SEOUL)).getYear());
        year.addValueChangeListener(e -> refresh());
        line.setLabel(getTranslation("report.targetsView.line"));
        line.setItems(TargetLine.values());
        line.setItemLabelGenerator(l -> getTranslation("report.targetLine." + l.name()));
        line.addValueChangeListener(e -> {
            key.setItems(e.getValue() == null ? List.of() : e.getValue().keys());
            key.setValue(null);
        });
        key.setLabel(getTranslation("report.targetsView.key"));
        key.setItemLabelGenerator(k -> line.getValue() == null ? k : getTranslation(line.getValue().labelKey(k)));
        measure.setLabel(getTranslation("report.targetsView.measure"));
        measure.setItems(ColumnKind.PEOPLE, ColumnKind.PERSON_SESSIONS);
        measure.setItemLabelGenerator(m -> getTranslation("report.measure." + m.name()));
        value.setLabel(getTranslation("report.targetsView.value"));
        value.setMin(1);
        save.setText(getTranslation("report.targetsView.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        HorizontalLayout form = new HorizontalLayout(year, line, key, measure, value, save);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setAriaLabel(getTranslation("report.targetsView.list"));
        grid.addColumn(t -> getTranslation("report.targetLine." + t.line().name()))
                .setHeader(getTranslation("report.targetsView.line")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.line().labelKey(t.key())))
                .setHeader(getTranslation("report.targetsView.key")).setFlexGrow(1);
        grid.addColumn(t -> getTranslation("report.measure." + t.measure().name()))
                .setHeader(getTranslation("report.targetsView.measure")).setAutoWidth(true);
        grid.addColumn(t -> java.text.NumberFormat.getIntegerInstance(getLocale()).format(t.value()))
                .setHeader(getTranslation("report.targetsView.value")).setAutoWidth(true);
        grid.addComponentColumn(this::deleteButton).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("report.targetsView.title")), new Paragraph(getTranslation("report.targetsView.intro")),
                form, new H2(getTranslation("report.targetsView.list")), grid);
        refresh();
    }

    private Button deleteButton(Target t) {
        Button delete = new Button(getTranslation("report.targetsView.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClassName("baeum-report-target-delete");
        delete.setAriaLabel(getTranslation("report.targetsView.delete") + ": " + getTranslation(t.line().labelKey(t.key()))
                + " " + getTranslation("report.measure." + t.measure().name()));
        delete.addClickListener(e -> {
            targets.delete(t.year(), t.line(), t.key(), t.measure());
            refresh();
            Notification.show(getTranslation("report.targetsView.deleted"), 4000, Notification.Position.BOTTOM_START);
        });
        return delete;
    }

    private void refresh() {
        Integer y = year.getValue();
        grid.setItems(y == null || y < Targets.FIRST_YEAR || y > Targets.LAST_YEAR ? List.of() : targets.ofYear(y));
    }

    void save() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("year", year);
        fields.put("line", line);
        fields.put("key", key);
        fields.put("measure", measure);
        fields.put("value", value);
        FieldErrors.clear(fields);
        try {
            targets.save(new Target(year.getValue() == null ? 0 : year.getValue(), line.getValue(), key.getValue(),
                    measure.getValue(), value.getValue() == null ? 0 : value.getValue()));
            refresh();
            Notification.show(getTranslation("report.targetsView.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.targetsView.title") + " | " + getTranslation("app.name");
    }
}
