package org.baeum.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Bookings;
import org.baeum.booking.NoShowRule;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;

/**
 * 시설 관리 (Bookable resources, STAFF/ADMIN): every resource with its kind, branch, units and state, an editor for
 * each (and a new one), a link to a resource's day of bookings, and the no-show rule.
 */
@Route("staff/bookables")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 63.5, title = "booking.nav.staff", icon = "vaadin:office")
@Uses(Dialog.class)
class StaffBookablesView extends VerticalLayout implements HasDynamicTitle {

    private final Bookables bookables;
    private final Bookings bookings;
    private final List<Branch> branches;
    final UnorderedList list = new UnorderedList();
    final Map<String, IntegerField> rule = new LinkedHashMap<>();
    final Button saveRule = new Button();
    final Paragraph ruleStatus = new Paragraph();
    BookableEditor editor;

    StaffBookablesView(Bookables bookables, Bookings bookings, CatalogService catalog) {
        this.bookables = bookables;
        this.bookings = bookings;
        this.branches = catalog.branches();
        addClassName("baeum-staff-bookables");
        Button add = new Button(getTranslation("booking.staff.new"), e -> edit(null));
        add.addClassName("baeum-bookable-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Section resources = new Section(new H2(getTranslation("booking.staff.resources")), add, list);
        resources.addClassName("baeum-section");
        resources.setWidthFull();
        add(new H1(getTranslation("booking.staff.title")), resources, ruleSection());
        refresh();
    }

    void refresh() {
        list.removeAll();
        for (Bookable b : bookables.bookables()) {
            ListItem item = new ListItem();
            item.addClassNames("baeum-bookable-row", LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP,
                    LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE, LumoUtility.Margin.Bottom.SMALL);
            String branch = branches.stream().filter(x -> x.id().value().equals(b.branchId())).findFirst()
                    .map(x -> x.name(getLocale())).orElse(b.branchId());
            String name = b.name(getLocale());
            item.add(new Span(getTranslation("booking.staff.row", name, branch,
                    getTranslation("booking.kind." + b.kind().name()), b.units(),
                    getTranslation(b.active() ? "booking.staff.active" : "booking.staff.inactive"))));
            Button edit = new Button(getTranslation("booking.staff.editButton"), e -> edit(b));
            edit.setAriaLabel(getTranslation("booking.staff.editLabel", name));
            RouterLink day = new RouterLink(getTranslation("booking.staff.dayLink"), BookableDayView.class,
                    new RouteParameters("id", b.id()));
            day.getElement().setAttribute("aria-label", getTranslation("booking.staff.dayLabel", name));
            item.add(edit, day);
            list.add(item);
        }
    }

    private void edit(Bookable b) {
        editor = new BookableEditor(b, branches, bookables, saved -> refresh());
        editor.open();
    }

    private Section ruleSection() {
        NoShowRule current = bookings.noShowRule();
        Div fields = new Div();
        fields.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        Map<String, Integer> values = Map.of("marks", current.marks(), "windowDays", current.windowDays(),
                "banDays", current.banDays(), "graceMinutes", current.graceMinutes());
        for (String name : List.of("marks", "windowDays", "banDays", "graceMinutes")) {
            IntegerField f = new IntegerField(getTranslation("booking.staff.rule." + name));
            f.setValue(values.get(name));
            rule.put(name, f);
            fields.add(f);
        }
        saveRule.setText(getTranslation("booking.staff.rule.save"));
        saveRule.addClickListener(e -> saveRule());
        ruleStatus.getElement().setAttribute("role", "status");
        Section section = new Section(new H2(getTranslation("booking.staff.rule.title")),
                new Paragraph(BookingTexts.rule(current)), fields, saveRule, ruleStatus);
        section.addClassName("baeum-section");
        section.setWidthFull();
        return section;
    }

    private void saveRule() {
        rule.values().forEach(f -> f.setInvalid(false));
        try {
            for (var f : rule.entrySet()) {
                if (f.getValue().getValue() == null) {
                    throw InvalidInputException.of(f.getKey(), "booking.staff.required");
                }
            }
            NoShowRule saved = bookings.changeNoShowRule(new NoShowRule(rule.get("marks").getValue(),
                    rule.get("windowDays").getValue(), rule.get("banDays").getValue(), rule.get("graceMinutes").getValue()));
            ruleStatus.setText(getTranslation("booking.staff.rule.saved", BookingTexts.rule(saved)));
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                IntegerField f = rule.get(p.field());
                if (f != null) {
                    f.setErrorMessage(getTranslation(p.messageKey(), p.arguments().toArray()));
                    f.setInvalid(true);
                }
            }
            ruleStatus.setText(getTranslation("validation.summary"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.staff.title") + " | " + getTranslation("app.name");
    }
}
