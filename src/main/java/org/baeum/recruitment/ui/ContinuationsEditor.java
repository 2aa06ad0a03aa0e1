package org.baeum.recruitment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.Continuation;

/**
 * Re-registration links of a new round: for each offering chosen for the round, optionally the previous-term offering
 * it continues (재등록: that offering's learners keep their place in the re-registration phase). One labelled combo box
 * per chosen offering, searching the staff catalog; a pick is kept while its offering stays chosen. The service's
 * problems at {@code continuations} show under the heading, announced to screen readers (a group of plain fields, so
 * it needs no web component beyond the combo box).
 */
class ContinuationsEditor extends Section implements HasValidation {

    private final VerticalLayout rows = new VerticalLayout();
    private final Paragraph error = new Paragraph();
    private boolean invalid;
    private final transient BiFunction<String, Integer, Stream<Offering>> search;
    /** The pickers by the round's offering, in the order chosen. */
    final Map<OfferingId, ComboBox<Offering>> pickers = new LinkedHashMap<>();

    /** {@code search}: the staff catalog page for a typed text and page number. */
    ContinuationsEditor(BiFunction<String, Integer, Stream<Offering>> search) {
        this.search = search;
        H3 heading = new H3(getTranslation("staffRounds.field.continuations"));
        heading.setId("round-continuations-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        Paragraph help = new Paragraph(getTranslation("staffRounds.field.continuations.helper"));
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        add(heading, help, error, rows);
        setWidthFull();
    }

    /** Shows one picker per offering of the round, keeping the picks of those still chosen. */
    void offerings(Collection<Offering> chosen) {
        Map<OfferingId, ComboBox<Offering>> kept = new LinkedHashMap<>(pickers);
        pickers.clear();
        rows.removeAll();
        for (Offering o : chosen) {
            ComboBox<Offering> picker = kept.containsKey(o.id()) ? kept.get(o.id()) : picker(o);
            pickers.put(o.id(), picker);
            rows.add(picker);
        }
    }

    private ComboBox<Offering> picker(Offering o) {
        ComboBox<Offering> picker = new ComboBox<>();
        picker.setLabel(getTranslation("staffRounds.field.continuation", StaffRoundTexts.offering(o, getLocale())));
        picker.setClearButtonVisible(true);
        picker.setWidthFull();
        picker.setItemLabelGenerator(p -> StaffRoundTexts.offering(p, getLocale()));
        picker.setItems(query -> search.apply(query.getFilter().orElse(null), query.getPage())
                .filter(p -> !p.id().equals(o.id())).limit(query.getLimit())).setIdentifierProvider(Offering::id);
        return picker;
    }

    /** The links picked, in the order of the round's offerings. */
    List<Continuation> getValue() {
        List<Continuation> links = new ArrayList<>();
        pickers.forEach((offering, picker) -> {
            if (picker.getValue() != null) {
                links.add(new Continuation(offering, picker.getValue().id()));
            }
        });
        return links;
    }

    void clear() {
        pickers.values().forEach(ComboBox::clear);
    }

    @Override
    public void setErrorMessage(String message) {
        error.setText(message == null ? "" : message);
    }

    @Override
    public String getErrorMessage() {
        return error.getText().isEmpty() ? null : error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        this.invalid = invalid;
        error.setVisible(invalid);
        pickers.values().forEach(p -> p.setInvalid(invalid));
    }

    @Override
    public boolean isInvalid() {
        return invalid;
    }
}
