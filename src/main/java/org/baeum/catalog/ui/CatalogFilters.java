package org.baeum.catalog.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
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
 * The catalog's search box and filters. Each filter is a combo box: its items reach the browser only when it is
 * opened (a {@code Select} keeps a server-side component per item in every open catalog, docs/performance.md); an
 * empty filter (cleared, placeholder "전체") means any. The filters hold values, never offerings.
 */
class CatalogFilters extends Div {

    private final TextField search = new TextField();
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
    private final SerializableConsumer<CatalogQuery> onSearch;
    private int size = CatalogQuery.DEFAULT_SIZE;
    private boolean updating;

    /**
     * @param branches for the branch filter: only their names are kept (a map of a few strings)
     * @param terms    for the term filter: only their names are kept
     * @param onSearch called with the query the fields now describe (page 0), or with {@link CatalogQuery#all()} on reset
     */
    CatalogFilters(Locale locale, List<Branch> branches, List<Term> terms, SerializableConsumer<CatalogQuery> onSearch) {
        this.onSearch = onSearch;
        search.setLabel(getTranslation("catalog.search"));
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.setMaxLength(100);
        search.addKeyPressListener(Key.ENTER, e -> apply());
        Button searchButton = new Button(getTranslation("catalog.searchButton"), VaadinIcon.SEARCH.create(), e -> apply());
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        searchButton.addClassName("baeum-search-button");
        HorizontalLayout searchRow = new HorizontalLayout(search, searchButton);
        searchRow.setWidthFull();
        searchRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        searchRow.setFlexGrow(1, search);

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

        FormLayout filters = new FormLayout(domain, audience, branch, weekday, time, term, fee, format, age, seatsLeft, sort);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("52em", 3));
        Button reset = new Button(getTranslation("catalog.reset"), e -> onSearch.accept(CatalogQuery.all()));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Details details = new Details(getTranslation("catalog.filters"), new Div(filters, reset));
        details.setOpened(true);
        details.setWidthFull();
        setWidthFull();
        add(searchRow, details);
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
            apply();
        }
    }

    private void apply() {
        onSearch.accept(query());
    }

    /** The query the fields describe, on its first page, with the page size of the query shown last. */
    CatalogQuery query() {
        return new CatalogQuery(search.getValue(), domain.getValue(), audience.getValue(), branch.getValue(),
                weekday.getValue(), time.getValue(), term.getValue(), fee.getValue(), format.getValue(),
                age.getValue() == null || age.isInvalid() ? null : Math.max(0, Math.min(130, age.getValue())),
                seatsLeft.getValue(), sort.getValue() == null ? CatalogSort.STARTING_SOON : sort.getValue(), 0, size);
    }

    /** Puts a query into the fields without searching again. A term that is not (or no longer) listed stays empty. */
    void show(CatalogQuery q) {
        size = q.size();
        updating = true;
        try {
            search.setValue(q.text() == null ? "" : q.text());
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
