package org.baeum.closure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.Dialogs;
import org.baeum.base.ui.RowButtons;
import org.baeum.calendar.Closure;
import org.baeum.calendar.DaysOff;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosurePlan;

/**
 * 휴관 관리 for STAFF and ADMIN: the declared closures (plans, newest first, each with its status and a link to its
 * page), the calendar's closures that are running or coming (a declared one links to its plan; an older one entered
 * without a plan can still be removed here), and the way to declare a new closure with its impact
 * ({@link NewClosureView}). Closures are no longer added here directly: that skipped the impact (issue 18).
 */
@Route("staff/closures")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 63, title = "nav.closures", icon = "vaadin:calendar-clock")
class ClosuresView extends VerticalLayout implements HasDynamicTitle {

    private final transient DaysOff daysOff;
    private final transient ClosureDesk desk;
    private final transient Clock clock;
    private final ClosureTexts texts;
    final Grid<ClosurePlan> plans = new Grid<>();
    final Grid<Closure> grid = new Grid<>();
    final RouterLink declare;
    Dialog dialog;
    /** Plans by the calendar closure they added. */
    private Map<String, ClosurePlan> byClosure = Map.of();

    ClosuresView(DaysOff daysOff, ClosureDesk desk, Clock clock) {
        this.daysOff = daysOff;
        this.desk = desk;
        this.clock = clock;
        this.texts = new ClosureTexts(daysOff.places(), this, this::getLocale);
        addClassName("baeum-closures");

        declare = new RouterLink(getTranslation("closure.ui.declare"), NewClosureView.class);

        plans.setAriaLabel(getTranslation("closure.ui.plans"));
        plans.addColumn(p -> texts.period(p.request())).setHeader(getTranslation("closures.period")).setAutoWidth(true);
        plans.addColumn(p -> texts.where(p.request())).setHeader(getTranslation("closures.target")).setAutoWidth(true);
        plans.addColumn(p -> texts.reason(p.request())).setHeader(getTranslation("closures.reason")).setFlexGrow(1);
        plans.addColumn(p -> getTranslation("closure.ui.status." + p.status().name()))
                .setHeader(getTranslation("closure.ui.status")).setAutoWidth(true);
        plans.addComponentColumn(this::planLink).setHeader(getTranslation("closures.actions")).setAutoWidth(true);
        plans.setEmptyStateText(getTranslation("closure.ui.plans.none"));
        plans.setAllRowsVisible(true);

        grid.setAriaLabel(getTranslation("closure.ui.calendar"));
        grid.addColumn(c -> texts.period(c.firstDay(), c.lastDay(), c.fromTime(), c.toTime()))
                .setHeader(getTranslation("closures.period")).setAutoWidth(true);
        grid.addColumn(this::where).setHeader(getTranslation("closures.target")).setAutoWidth(true);
        grid.addColumn(c -> c.reason(getLocale())).setHeader(getTranslation("closures.reason")).setFlexGrow(1);
        grid.addComponentColumn(this::closureAction).setHeader(getTranslation("closures.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("closures.none"));
        grid.setAllRowsVisible(true);

        Section declared = new Section(new H2(getTranslation("closure.ui.plans")), plans);
        declared.setWidthFull();
        Section calendar = new Section(new H2(getTranslation("closure.ui.calendar")),
                new Paragraph(getTranslation("closure.ui.calendar.intro")), grid);
        calendar.setWidthFull();
        add(new H1(getTranslation("closures.title")), new Paragraph(getTranslation("closure.ui.intro")), declare,
                declared, calendar);
        refresh();
    }

    private void refresh() {
        List<ClosurePlan> all = desk.plans();
        plans.setItems(all);
        byClosure = all.stream().filter(p -> p.calendarClosureId() != null)
                .collect(Collectors.toMap(ClosurePlan::calendarClosureId, Function.identity(), (a, b) -> a));
        grid.setItems(daysOff.closuresFrom(LocalDate.now(clock.withZone(Formats.SEOUL))));
    }

    private String where(Closure closure) {
        return texts.where(closure.scope(), closure.targetId());
    }

    private Component planLink(ClosurePlan plan) {
        RouterLink link = new RouterLink(getTranslation("closure.ui.open"), PlanView.class,
                PlanView.parameters(plan.id()));
        link.getElement().setAttribute("aria-label", getTranslation("closures.actionFor",
                getTranslation("closure.ui.open"), texts.where(plan.request()) + ", " + texts.period(plan.request())));
        return link;
    }

    /** A declared closure links to its plan; one without a plan (entered before issue 18) can be removed. */
    private Component closureAction(Closure closure) {
        ClosurePlan plan = byClosure.get(closure.id());
        if (plan != null) {
            return planLink(plan);
        }
        return RowButtons.removing(getTranslation("closures.remove"),
                getTranslation("closures.actionFor", getTranslation("closures.remove"), where(closure)),
                () -> confirmRemove(closure));
    }

    void confirmRemove(Closure closure) {
        if (byClosure.containsKey(closure.id())) {
            return;
        }
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

    /** Whether the calendar closure belongs to a declared plan (then only the plan's page lifts it). */
    boolean declared(Closure closure) {
        return byClosure.containsKey(Objects.requireNonNull(closure).id());
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("closures.title") + " | " + getTranslation("app.name");
    }
}
