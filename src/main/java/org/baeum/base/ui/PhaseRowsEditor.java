package org.baeum.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phases in an editor, one row each (a kind, opens, closes as date and time in Asia/Seoul), in order, with "add a
 * phase" (up to a maximum, opening when the last one closes) and "remove" (never the last row). An offering's
 * recruitment phases and a round's phases are both edited with it; a subclass says which kinds a row offers and how
 * they read.
 *
 * <p>The texts come from one message prefix: {@code <prefix>.addPhase}, {@code .phase}, {@code .phaseOpens},
 * {@code .phaseCloses}, {@code .removePhase}, {@code .removePhaseOf} (each but the first with the row number), and
 * the kind's label {@code <prefix>.<kindLabelKey>}.
 *
 * @param <K> the kind of a phase (a recruitment method, a round phase kind)
 */
public abstract class PhaseRowsEditor<K> extends VerticalLayout {

    /** One phase's fields. */
    public static final class Row<K> extends HorizontalLayout {
        public final Span title = new Span();
        public final Select<K> kind = new Select<>();
        public final DateTimePicker opens = new DateTimePicker();
        public final DateTimePicker closes = new DateTimePicker();
        public final Button remove = new Button();

        Row() {
            addClassName("baeum-phase");
            setWrap(true);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            kind.setWidth("11em");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            add(title, kind, opens, closes, remove);
        }
    }

    private final List<Row<K>> rows = new ArrayList<>();
    private final Button add = new Button();
    private final String prefix;
    private final String kindLabelKey;
    private final int maxRows;

    /**
     * @param prefix       the message prefix of the texts
     * @param kindLabelKey the key (after the prefix) of a row's kind label
     * @param maxRows      the most rows a user may add
     */
    protected PhaseRowsEditor(String prefix, String kindLabelKey, int maxRows) {
        this.prefix = prefix;
        this.kindLabelKey = kindLabelKey;
        this.maxRows = maxRows;
        setPadding(false);
        setSpacing(false);
        addClassName("baeum-phases");
        add.setText(getTranslation(prefix + ".addPhase"));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> addRow(kindOfAddedRow(), rows.isEmpty() ? null : rows.getLast().closes.getValue(), null));
        add(add);
    }

    /** The kinds a row whose kind is {@code kind} (null: none chosen) may choose from. */
    protected abstract Collection<K> choices(K kind);

    /** How a kind reads in the select. */
    protected abstract String label(K kind);

    /** The kind a row added by "add a phase" starts with (null: none, the user chooses). */
    protected abstract K kindOfAddedRow();

    /** The rows, in order (read only). */
    public List<Row<K>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The "add a phase" button. */
    public Button addButton() {
        return add;
    }

    /** Adds a row at the end. */
    public Row<K> addRow(K kind, LocalDateTime opens, LocalDateTime closes) {
        Row<K> row = new Row<>();
        row.kind.setItems(choices(kind));
        row.kind.setItemLabelGenerator(this::label);
        row.kind.setValue(kind);
        row.opens.setValue(opens);
        row.closes.setValue(closes);
        row.remove.addClickListener(e -> removeRow(row));
        rows.add(row);
        addComponentAtIndex(rows.size() - 1, row);
        renumber();
        return row;
    }

    /** Removes a row unless it is the last one. */
    public void removeRow(Row<K> row) {
        if (rows.size() > 1 && rows.remove(row)) {
            remove(row);
            renumber();
        }
    }

    /** Removes every row (the caller adds the first again). */
    protected void clearRows() {
        rows.forEach(this::remove);
        rows.clear();
    }

    /**
     * The fields by the names the service's problems use: the field of row {@code i} and part {@code kind},
     * {@code opens} or {@code closes} is named {@code names.name(i, part)}.
     */
    protected Map<String, HasValidation> fields(String kindPart, FieldName names) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            fields.put(names.name(i, kindPart), rows.get(i).kind);
            fields.put(names.name(i, "opens"), rows.get(i).opens);
            fields.put(names.name(i, "closes"), rows.get(i).closes);
        }
        return fields;
    }

    /** The name of one field of one row. */
    @FunctionalInterface
    protected interface FieldName {
        String name(int row, String part);
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            Row<K> row = rows.get(i);
            int number = i + 1;
            row.title.setText(getTranslation(prefix + ".phase", number));
            row.kind.setLabel(getTranslation(prefix + "." + kindLabelKey, number));
            row.opens.setLabel(getTranslation(prefix + ".phaseOpens", number));
            row.closes.setLabel(getTranslation(prefix + ".phaseCloses", number));
            row.remove.setText(getTranslation(prefix + ".removePhase"));
            row.remove.setAriaLabel(getTranslation(prefix + ".removePhaseOf", number));
            row.remove.setEnabled(rows.size() > 1);
        }
        add.setEnabled(rows.size() < maxRows);
    }
}
