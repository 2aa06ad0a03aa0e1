package org.baeum.calendar.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.ui.Dialogs;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;
import org.baeum.base.ui.RowButtons;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;

/**
 * STAFF and ADMIN list the closures (휴관) that are running or coming, add one (every branch, a branch, a room or a
 * facility, with dates and a reason in Korean and English; every problem shown at its field) and remove one.
 * Public holidays need no entry: the calendar knows them.
 */
@Route("staff/closures")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 63, title = "nav.closures", icon = "vaadin:calendar-clock")
class ClosuresView extends VerticalLayout implements HasDynamicTitle {

    private final transient DaysOff daysOff;
    private final transient Clock clock;
    private final List<ClosablePlace> places;
    final Grid<Closure> grid = new Grid<>();
    final Select<ClosureScope> scope = new Select<>();
    final ComboBox<ClosablePlace> target = new ComboBox<>();
    final DatePicker firstDay = new DatePicker();
    final DatePicker lastDay = new DatePicker();
    final TextField reasonKo = new TextField();
    final TextField reasonEn = new TextField();
    final Button add = new Button();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    Dialog dialog;

    ClosuresView(DaysOff daysOff, Clock clock) {
        this.daysOff = daysOff;
        this.clock = clock;
        this.places = daysOff.places();
        addClassName("baeum-closures");

        grid.setAriaLabel(getTranslation("closures.title"));
        grid.addColumn(c -> Formats.date(c.firstDay(), getLocale()) + " ~ " + Formats.date(c.lastDay(), getLocale())
                        + (c.wholeDays() ? "" : " " + c.fromTime() + "–" + c.toTime()))
                .setHeader(getTranslation("closures.period")).setAutoWidth(true);
        grid.addColumn(this::where).setHeader(getTranslation("closures.target")).setAutoWidth(true);
        grid.addColumn(c -> c.reason(getLocale())).setHeader(getTranslation("closures.reason")).setFlexGrow(1);
        grid.addComponentColumn(c -> RowButtons.removing(getTranslation("closures.remove"),
                getTranslation("closures.actionFor", getTranslation("closures.remove"), where(c)),
                () -> confirmRemove(c))).setHeader(getTranslation("closures.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("closures.none"));
        grid.setAllRowsVisible(true);

        scope.setLabel(getTranslation("closures.scope"));
        scope.setItems(ClosureScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("closure.scope." + s.name()));
        scope.addValueChangeListener(e -> chooseScope(e.getValue()));
        target.setLabel(getTranslation("closures.target"));
        target.setItemLabelGenerator(this::name);
        target.setEnabled(false);
        firstDay.setLabel(getTranslation("closures.firstDay"));
        lastDay.setLabel(getTranslation("closures.lastDay"));
        reasonKo.setLabel(getTranslation("closures.reasonKo"));
        reasonEn.setLabel(getTranslation("closures.reasonEn"));
        reasonKo.setMaxLength(DaysOff.MAX_REASON);
        reasonEn.setMaxLength(DaysOff.MAX_REASON);
        add.setText(getTranslation("closures.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        fields.put("scope", scope);
        fields.put("target", target);
        fields.put("firstDay", firstDay);
        fields.put("lastDay", lastDay);
        fields.put("reasonKo", reasonKo);
        fields.put("reasonEn", reasonEn);

        FormLayout form = new FormLayout(scope, target, firstDay, lastDay, reasonKo, reasonEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        Section addSection = new Section(new H2(getTranslation("closures.add")), form, add);
        addSection.setWidthFull();

        add(new H1(getTranslation("closures.title")), new Paragraph(getTranslation("closures.intro")), grid, addSection);
        refresh();
    }

    private void refresh() {
        grid.setItems(daysOff.closuresFrom(LocalDate.now(clock.withZone(Formats.SEOUL))));
    }

    private void chooseScope(ClosureScope chosen) {
        target.clear();
        target.setItems(places.stream().filter(p -> p.scope() == chosen).toList());
        target.setEnabled(chosen != null && chosen != ClosureScope.ALL);
    }

    /** A place's name, with its branch for a room or a facility. */
    private String name(ClosablePlace place) {
        if (place.scope() == ClosureScope.BRANCH) {
            return place.name(getLocale());
        }
        return places.stream().filter(p -> p.scope() == ClosureScope.BRANCH && p.id().equals(place.branchId()))
                .findFirst().map(b -> b.name(getLocale()) + " · ").orElse("") + place.name(getLocale());
    }

    /** What a closure closes, e.g. "강의실: 본관 · 평생학습실 1"; a place that is gone shows its id. */
    private String where(Closure closure) {
        String kind = getTranslation("closure.scope." + closure.scope().name());
        if (closure.scope() == ClosureScope.ALL) {
            return kind;
        }
        String place = places.stream().filter(p -> p.scope() == closure.scope() && p.id().equals(closure.targetId()))
                .findFirst().map(this::name).orElse(closure.targetId());
        return kind + ": " + place;
    }

    void add() {
        FieldErrors.clear(fields);
        try {
            Closure saved = daysOff.addClosure(new ClosureDraft(scope.getValue(),
                    target.getValue() == null ? null : target.getValue().id(), firstDay.getValue(), lastDay.getValue(),
                    reasonKo.getValue(), reasonEn.getValue()));
            scope.clear();
            firstDay.clear();
            lastDay.clear();
            reasonKo.clear();
            reasonEn.clear();
            refresh();
            notice(getTranslation("closures.added", where(saved), Formats.date(saved.firstDay(), getLocale()),
                    Formats.date(saved.lastDay(), getLocale())), NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }

    void confirmRemove(Closure closure) {
        dialog = new Dialog(getTranslation("closures.removeTitle"));
        dialog.add(new Paragraph(getTranslation("closures.removeText", where(closure),
                Formats.date(closure.firstDay(), getLocale()), Formats.date(closure.lastDay(), getLocale()))));
        Button remove = new Button(getTranslation("closures.remove"), e -> {
            dialog.close();
            try {
                daysOff.removeClosure(closure.id());
                notice(getTranslation("closures.removed", where(closure)), NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException gone) {
                notice(getTranslation("closures.gone"), NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()), remove);
        Dialogs.openIn(this, dialog);
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("closures.title") + " | " + getTranslation("app.name");
    }
}
