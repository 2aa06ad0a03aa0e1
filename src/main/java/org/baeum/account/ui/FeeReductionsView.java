package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.baeum.account.FeeReductionCategories;
import org.baeum.account.FeeReductionCategory;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;

/** ADMIN sets the fee-reduction categories and their rates; the elderly category (65+) is never declared. */
@Route("admin/fee-reductions")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 96, title = "nav.feeReductions", icon = "vaadin:piggy-bank-coin")
class FeeReductionsView extends VerticalLayout implements HasDynamicTitle {

    private final FeeReductionCategories eligibility;
    final Grid<FeeReductionCategory> grid = new Grid<>();

    FeeReductionsView(FeeReductionCategories eligibility) {
        this.eligibility = eligibility;
        addClassName("baeum-fee-reductions");
        Button add = new Button(getTranslation("feeReduction.add"), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("feeReduction.title")), new Paragraph(getTranslation("feeReduction.intro")), add);
        grid.setAriaLabel(getTranslation("feeReduction.title"));
        grid.addColumn(FeeReductionCategory::code).setHeader(getTranslation("feeReduction.code")).setAutoWidth(true);
        grid.addColumn(FeeReductionCategory::nameKo).setHeader(getTranslation("feeReduction.nameKo")).setAutoWidth(true);
        grid.addColumn(FeeReductionCategory::nameEn).setHeader(getTranslation("feeReduction.nameEn")).setAutoWidth(true);
        grid.addColumn(c -> c.ratePercent() + "%").setHeader(getTranslation("feeReduction.rate")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.declarable() ? "feeReduction.declared" : "feeReduction.derived"))
                .setHeader(getTranslation("feeReduction.how")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.active() ? "citizens.active" : "feeReduction.inactive"))
                .setHeader(getTranslation("citizens.state")).setAutoWidth(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(c -> {
            edit(c);
            grid.deselectAll();
        }));
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(eligibility.categories());
    }

    void edit(FeeReductionCategory existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "feeReduction.add" : "feeReduction.edit"));
        TextField code = new TextField(getTranslation("feeReduction.code"));
        code.setHelperText(getTranslation("feeReduction.code.helper"));
        TextField nameKo = new TextField(getTranslation("feeReduction.nameKo"));
        TextField nameEn = new TextField(getTranslation("feeReduction.nameEn"));
        IntegerField rate = new IntegerField(getTranslation("feeReduction.rate"));
        rate.setMin(0);
        rate.setMax(100);
        rate.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        IntegerField order = new IntegerField(getTranslation("feeReduction.order"));
        Checkbox active = new Checkbox(getTranslation("feeReduction.active"));
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            nameKo.setValue(existing.nameKo());
            nameEn.setValue(existing.nameEn());
            rate.setValue(existing.ratePercent());
            order.setValue(existing.order());
            active.setValue(existing.active());
        } else {
            rate.setValue(50);
            order.setValue(100);
            active.setValue(true);
        }
        Map<String, HasValidation> fields = Map.of("code", code, "nameKo", nameKo, "nameEn", nameEn, "ratePercent", rate);
        Button save = new Button(getTranslation("feeReduction.save"), e -> {
            FieldErrors.clear(fields);
            try {
                eligibility.saveCategory(new FeeReductionCategory(code.getValue().strip().toUpperCase(java.util.Locale.ROOT),
                        nameKo.getValue(), nameEn.getValue(), rate.getValue() == null ? -1 : rate.getValue(),
                        existing == null || existing.declarable(), active.getValue(),
                        order.getValue() == null ? 100 : order.getValue()));
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(code, nameKo, nameEn, rate, order, active));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("feeReduction.title") + " | " + getTranslation("app.name");
    }
}
