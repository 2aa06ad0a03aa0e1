package org.baeum.enrollment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.base.ui.Dialogs;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;
import org.baeum.base.ui.RowButtons;
import org.baeum.catalog.Audience;
import org.baeum.catalog.PolicyDomain;
import org.baeum.enrollment.CapRule;
import org.baeum.enrollment.CapRules;

/**
 * ADMIN sets per-term caps: a participant may hold at most so many enrolments and waitlist entries per term in
 * offerings of an audience (e.g. sports) or of a policy domain. Caps apply to new enrolments from then on.
 */
@Route("admin/enrollment-caps")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 98, title = "nav.enrollmentCaps", icon = "vaadin:scale")
class CapRulesView extends VerticalLayout implements HasDynamicTitle {

    private final transient CapRules enrollments;
    final Grid<CapRule> grid = new Grid<>();
    final Select<Optional<Audience>> audience = new Select<>();
    final Select<Optional<PolicyDomain>> domain = new Select<>();
    final IntegerField max = new IntegerField();
    final Button add = new Button();
    Dialog dialog;

    CapRulesView(CapRules enrollments) {
        this.enrollments = enrollments;
        addClassName("baeum-enrollment-caps");

        grid.setAriaLabel(getTranslation("enrolCaps.title"));
        grid.addColumn(this::scope).setHeader(getTranslation("enrolCaps.scope")).setFlexGrow(1);
        grid.addColumn(CapRule::max).setHeader(getTranslation("enrolCaps.max")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(rule -> RowButtons.removing(getTranslation("enrolCaps.delete"),
                getTranslation("enrolDesk.actionFor", getTranslation("enrolCaps.delete"), scope(rule)),
                () -> confirmDelete(rule))).setHeader(getTranslation("enrolDesk.col.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("enrolCaps.none"));
        grid.setAllRowsVisible(true);

        audience.setLabel(getTranslation("enrolCaps.audience"));
        audience.setItems(options(Audience.values()));
        audience.setItemLabelGenerator(o -> o.map(a -> getTranslation("audience." + a.name()))
                .orElse(getTranslation("enrolCaps.nothing")));
        audience.setValue(Optional.empty());
        domain.setLabel(getTranslation("enrolCaps.domain"));
        domain.setItems(options(PolicyDomain.values()));
        domain.setItemLabelGenerator(o -> o.map(d -> getTranslation("domain." + d.name()))
                .orElse(getTranslation("enrolCaps.nothing")));
        domain.setValue(Optional.empty());
        max.setLabel(getTranslation("enrolCaps.max"));
        add.setText(getTranslation("enrolCaps.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        HorizontalLayout form = new HorizontalLayout(audience, domain, max, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        Section addSection = new Section(new H2(getTranslation("enrolCaps.add")), form);
        addSection.setWidthFull();

        add(new H1(getTranslation("enrolCaps.title")), new Paragraph(getTranslation("enrolCaps.intro")), grid, addSection);
        refresh();
    }

    private static <E> List<Optional<E>> options(E[] values) {
        List<Optional<E>> options = new ArrayList<>();
        options.add(Optional.empty());
        Arrays.stream(values).map(Optional::of).forEach(options::add);
        return options;
    }

    private void refresh() {
        grid.setItems(enrollments.capRules());
    }

    private String scope(CapRule rule) {
        return rule.audience() != null
                ? getTranslation("enrolCaps.scopeAudience", getTranslation("audience." + rule.audience().name()))
                : getTranslation("enrolCaps.scopeDomain", rule.domain() == null ? "—" : getTranslation("domain." + rule.domain().name()));
    }

    void add() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("audience", audience);
        fields.put("domain", domain);
        fields.put("max", max);
        FieldErrors.clear(fields);
        try {
            CapRule saved = enrollments.saveCapRule(new CapRule(null, audience.getValue().orElse(null),
                    domain.getValue().orElse(null), max.getValue() == null ? 0 : max.getValue()));
            audience.setValue(Optional.empty());
            domain.setValue(Optional.empty());
            max.clear();
            refresh();
            Notices.success(getTranslation("enrolCaps.added", scope(saved), saved.max()));
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }

    void confirmDelete(CapRule rule) {
        dialog = new Dialog(getTranslation("enrolCaps.deleteTitle"));
        dialog.add(new Paragraph(getTranslation("enrolCaps.deleteText", scope(rule), rule.max())));
        Button delete = new Button(getTranslation("enrolCaps.delete"), e -> {
            enrollments.deleteCapRule(rule.id());
            dialog.close();
            refresh();
            Notices.success(getTranslation("enrolCaps.deleted", scope(rule)));
        });
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()), delete);
        Dialogs.openIn(this, dialog);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("enrolCaps.title") + " | " + getTranslation("app.name");
    }
}
