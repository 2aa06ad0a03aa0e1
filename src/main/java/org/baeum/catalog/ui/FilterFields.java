package org.baeum.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.SerializableRunnable;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Branch;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogSort;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TimeOfDay;

/**
 * The fields of the catalog's filter panel. Built only while the panel is open ({@link CatalogFilters}, decision
 * 0059): they cost about 140 KB per open tab. Each filter is a combo box, whose items reach the browser only when
 * it is opened (decision 0055); an empty filter (cleared, placeholder "전체") means any. They hold values, never
 * offerings.
 */
class FilterFields extends Div {

    private final ComboBox<PolicyDomain> domain = new ComboBox<>();
    private final ComboBox<Audience> audience = new ComboBox<>();
    private final ComboBox<BranchId> branch = new ComboBox<>();
    private final ComboBox<DayOfWeek> weekday = new ComboBox<>();
    private final ComboBox<TimeOfDay> time = new ComboBox<>();
    private final ComboBox<TermId> term = new ComboBox<>();
    private final ComboBox<Boolean> fee = new ComboBox<>();
    private final ComboBox<DeliveryFormat> format = new ComboBox<>();
    private final IntegerField age = new IntegerField();
    private final Checkbox seatsLeft = new Checkbox();
    private final ComboBox<CatalogSort> sort = new ComboBox<>();
    private final SerializableRunnable onChange;
    private boolean updating;

    /**
     * @param branches for the branch filter: only their names are kept (a map of a few strings)
     * @param terms    for the term filter: only their names are kept
     * @param onChange called when a field was changed by the citizen (not by {@link #show})
     * @param onReset  called by the reset button
     */
    FilterFields(Locale locale, List<Branch> branches, List<Term> terms, SerializableRunnable onChange,
                 SerializableRunnable onReset) {
        this.onChange = onChange;
        Map<BranchId, String> branchNames = new HashMap<>();
        branches.forEach(b -> branchNames.put(b.id(), b.name(locale)));
        Map<TermId, String> termNames = new HashMap<>();
        terms.forEach(t -> termNames.put(t.id(), t.name(locale)));
        choices(domain, "catalog.domain", Arrays.asList(PolicyDomain.values()), d -> getTranslation("domain." + d.name()));
        choices(audience, "catalog.audience", Arrays.asList(Audience.values()), a -> getTranslation("audience." + a.name()));
        choices(branch, "catalog.branch", branches.stream().map(Branch::id).toList(),
                b -> branchNames.getOrDefault(b, b.value()));
        choices(weekday, "catalog.weekday", Arrays.asList(DayOfWeek.values()), d -> getTranslation("weekday." + d.name()));
        choices(time, "catalog.time", Arrays.asList(TimeOfDay.values()), t -> getTranslation("timeOfDay." + t.name()));
        choices(term, "catalog.term", terms.stream().map(Term::id).toList(), t -> termNames.getOrDefault(t, t.value()));
        choices(fee, "catalog.fee", List.of(Boolean.TRUE, Boolean.FALSE),
                free -> getTranslation(free ? "catalog.fee.free" : "catalog.fee.paid"));
        choices(format, "catalog.format", Arrays.asList(DeliveryFormat.values()), f -> getTranslation("format." + f.name()));
        age.setLabel(getTranslation("catalog.age"));
        age.setMin(0);
        age.setMax(130);
        age.setStepButtonsVisible(true);
        age.addValueChangeListener(e -> changed());
        seatsLeft.setLabel(getTranslation("catalog.seatsLeft"));
        seatsLeft.addValueChangeListener(e -> changed());
        // a sort is always chosen: no clear button; emptied by hand it falls back to the default (query())
        sort.setLabel(getTranslation("catalog.sort"));
        sort.setItems(CatalogSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("sort." + s.name()));
        sort.setValue(CatalogSort.STARTING_SOON);
        sort.addValueChangeListener(e -> changed());

        FormLayout form = new FormLayout(domain, audience, branch, weekday, time, term, fee, format, age, seatsLeft, sort);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("52em", 3));
        Button reset = new Button(getTranslation("catalog.reset"), e -> onReset.run());
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(form, reset);
    }

    private <T> void choices(ComboBox<T> box, String labelKey, List<T> values, SerializableFunction<T, String> label) {
        box.setLabel(getTranslation(labelKey));
        box.setPlaceholder(getTranslation("catalog.any"));
        box.setClearButtonVisible(true);
        box.setItems(values);
        box.setItemLabelGenerator(label::apply);
        box.addValueChangeListener(e -> changed());
    }

    private void changed() {
        if (!updating) {
            onChange.run();
        }
    }

    /** The query the fields describe with this search text, on its first page of this size. */
    CatalogQuery query(String text, int size) {
        return new CatalogQuery(text, domain.getValue(), audience.getValue(), branch.getValue(),
                weekday.getValue(), time.getValue(), term.getValue(), fee.getValue(), format.getValue(),
                age.getValue() == null || age.isInvalid() ? null : Math.max(0, Math.min(130, age.getValue())),
                seatsLeft.getValue(), sort.getValue() == null ? CatalogSort.STARTING_SOON : sort.getValue(), 0, size);
    }

    /** Puts a query's filters into the fields without searching. A term that is not (or no longer) listed stays empty. */
    void show(CatalogQuery q) {
        updating = true;
        try {
            domain.setValue(q.domain());
            audience.setValue(q.audience());
            branch.setValue(q.branch() == null || branch.getListDataView().contains(q.branch()) ? q.branch() : null);
            weekday.setValue(q.weekday());
            time.setValue(q.timeOfDay());
            term.setValue(q.term() == null || term.getListDataView().contains(q.term()) ? q.term() : null);
            fee.setValue(q.free());
            format.setValue(q.format());
            age.setValue(q.age());
            seatsLeft.setValue(q.seatsLeftOnly());
            sort.setValue(q.sort());
        } finally {
            updating = false;
        }
    }
}
