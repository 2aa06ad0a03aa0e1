package org.baeum.catalog.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogSort;
import org.baeum.catalog.Term;

/**
 * The catalog's search box, always shown, and its filter panel behind a disclosure button (decision 0059). The
 * panel's fields ({@link FilterFields}: nine combo boxes, age, seats, sort, reset) are built only while it is open and
 * dropped when it is closed: they cost about 140 KB in every open catalog tab. The filters in force live in the query
 * shown (the URL), not in the fields, so closing the panel keeps them and the button says how many there are. The
 * panel opens by itself when the catalog is entered with a filter in the URL.
 */
class CatalogFilters extends Div {

    static final String PANEL_ID = "baeum-catalog-filter-panel";

    private final TextField search = new TextField();
    private final Button toggle = new Button();
    private final Div panel = new Div();
    private final Locale locale;
    private final SerializableSupplier<List<Branch>> branches;
    private final SerializableSupplier<List<Term>> terms;
    private final SerializableConsumer<CatalogQuery> onSearch;
    private CatalogQuery shown = CatalogQuery.all();
    private FilterFields fields;
    private boolean entered;

    /**
     * @param branches read when the panel opens, for the branch filter (only their names are kept)
     * @param terms    read when the panel opens, for the term filter (only their names are kept)
     * @param onSearch called with the query the search box and filters now describe (page 0), or with
     *                 {@link CatalogQuery#all()} on reset
     */
    CatalogFilters(Locale locale, SerializableSupplier<List<Branch>> branches, SerializableSupplier<List<Term>> terms,
                   SerializableConsumer<CatalogQuery> onSearch) {
        this.locale = locale;
        this.branches = branches;
        this.terms = terms;
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

        // a disclosure button: vaadin-button is the element with role "button" (Enter and Space, Lumo's focus ring)
        toggle.addClassName("baeum-filter-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        toggle.setIconAfterText(true);
        toggle.getElement().setAttribute("aria-controls", PANEL_ID);
        toggle.addClickListener(e -> {
            if (isOpen()) {
                close();
            } else {
                open();
            }
        });
        // the panel's element stays (empty and hidden when closed), so aria-controls always names an element
        panel.setId(PANEL_ID);
        panel.addClassName("baeum-filter-panel");
        panel.setWidthFull();
        panel.setVisible(false);
        setWidthFull();
        add(searchRow, toggle, panel);
        updateToggle();
    }

    boolean isOpen() {
        return fields != null;
    }

    /** Builds the fields, filled with the filters in force. */
    void open() {
        if (fields == null) {
            fields = new FilterFields(locale, branches.get(), terms.get(), this::apply,
                    () -> onSearch.accept(CatalogQuery.all()));
            fields.show(shown);
            panel.add(fields);
            panel.setVisible(true);
            updateToggle();
        }
    }

    /** Drops the fields; the filters in force stay (they are in the query shown and the URL). */
    void close() {
        if (fields != null) {
            panel.removeAll();
            fields = null;
            panel.setVisible(false);
            updateToggle();
        }
    }

    private void apply() {
        onSearch.accept(query());
    }

    /** The query the search box and the filters describe, on its first page, with the page size of the query shown. */
    CatalogQuery query() {
        CatalogQuery q = shown;
        return fields != null ? fields.query(search.getValue(), q.size())
                : new CatalogQuery(search.getValue(), q.domain(), q.audience(), q.branch(), q.weekday(), q.timeOfDay(),
                q.term(), q.free(), q.format(), q.age(), q.seatsLeftOnly(), q.sort(), 0, q.size());
    }

    /**
     * Shows a query (from the URL) without searching again. The first query shown opens the panel if it has a
     * filter; later ones leave the panel as the citizen left it.
     */
    void show(CatalogQuery q) {
        shown = q;
        search.setValue(q.text() == null ? "" : q.text());
        if (!entered) {
            entered = true;
            if (active(q) > 0) {
                open();
            }
        }
        if (fields != null) {
            fields.show(q);
        }
        updateToggle();
    }

    /** How many of the panel's settings differ from their default (the search text is not one of them). */
    static int active(CatalogQuery q) {
        return (int) Stream.of(q.domain(), q.audience(), q.branch(), q.weekday(), q.timeOfDay(), q.term(), q.free(),
                        q.format(), q.age(), q.seatsLeftOnly() ? Boolean.TRUE : null,
                        q.sort() == CatalogSort.STARTING_SOON ? null : q.sort())
                .filter(v -> v != null).count();
    }

    private void updateToggle() {
        int n = active(shown);
        toggle.setText(n == 0 ? getTranslation("catalog.filters") : getTranslation("catalog.filters.active", n));
        Icon chevron = (isOpen() ? VaadinIcon.CHEVRON_UP : VaadinIcon.CHEVRON_DOWN).create();
        chevron.getElement().setAttribute("aria-hidden", "true"); // the state is aria-expanded, not a picture
        toggle.setIcon(chevron);
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(isOpen()));
    }
}
