package org.baeum.recruitment.ui;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.i18n.Formats;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;

/**
 * The phases of a new round: one row per phase (kind, opens, closes as date and time in Asia/Seoul), in order, with
 * "add a phase" (at most one per kind, opening when the last one closes) and "remove" (never the last row). The
 * service checks them; {@link #fields()} places its problems ({@code phase.<i>.kind|opens|closes}) on the row.
 */
class RoundPhasesEditor extends VerticalLayout {

    /** One phase's fields. */
    static final class Row extends HorizontalLayout {
        final Span title = new Span();
        final Select<RoundPhaseKind> kind = new Select<>();
        final DateTimePicker opens = new DateTimePicker();
        final DateTimePicker closes = new DateTimePicker();
        final Button remove = new Button();

        Row() {
            addClassName("baeum-phase");
            setWrap(true);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            kind.setWidth("11em");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            add(title, kind, opens, closes, remove);
        }
    }

    final List<Row> rows = new ArrayList<>();
    final Button add = new Button();

    RoundPhasesEditor() {
        setPadding(false);
        setSpacing(false);
        addClassName("baeum-phases");
        add.setText(getTranslation("staffRounds.addPhase"));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> addRow(null, rows.isEmpty() ? null : rows.getLast().closes.getValue(), null));
        add(add);
        addRow(RoundPhaseKind.LOTTERY, null, null);
    }

    /** What STAFF entered, in order; an empty picker is a null instant (the service says it is required). */
    List<RoundPhase> value() {
        return rows.stream().map(r -> new RoundPhase(r.kind.getValue(), instant(r.opens.getValue()),
                instant(r.closes.getValue()))).toList();
    }

    static java.time.Instant instant(LocalDateTime seoul) {
        return seoul == null ? null : seoul.atZone(Formats.SEOUL).toInstant();
    }

    /** The fields by the names the service's problems use; "exactly one lottery" shows at the first row's kind. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            fields.put("phase." + i + ".kind", rows.get(i).kind);
            fields.put("phase." + i + ".opens", rows.get(i).opens);
            fields.put("phase." + i + ".closes", rows.get(i).closes);
        }
        fields.put("phases", rows.getFirst().kind);
        return fields;
    }

    Row addRow(RoundPhaseKind kind, LocalDateTime opens, LocalDateTime closes) {
        Row row = new Row();
        row.kind.setItems(RoundPhaseKind.values());
        row.kind.setItemLabelGenerator(k -> getTranslation("round.phaseKind." + k.name()));
        row.kind.setValue(kind);
        row.opens.setValue(opens);
        row.closes.setValue(closes);
        row.remove.addClickListener(e -> removeRow(row));
        rows.add(row);
        addComponentAtIndex(rows.size() - 1, row);
        renumber();
        return row;
    }

    void removeRow(Row row) {
        if (rows.size() > 1 && rows.remove(row)) {
            remove(row);
            renumber();
        }
    }

    /** Back to one empty lottery row, after a round was created. */
    void reset() {
        new ArrayList<>(rows).forEach(this::remove);
        rows.clear();
        addRow(RoundPhaseKind.LOTTERY, null, null);
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int number = i + 1;
            row.title.setText(getTranslation("staffRounds.phase", number));
            row.kind.setLabel(getTranslation("staffRounds.phaseKind", number));
            row.opens.setLabel(getTranslation("staffRounds.phaseOpens", number));
            row.closes.setLabel(getTranslation("staffRounds.phaseCloses", number));
            row.remove.setText(getTranslation("staffRounds.removePhase"));
            row.remove.setAriaLabel(getTranslation("staffRounds.removePhaseOf", number));
            row.remove.setEnabled(rows.size() > 1);
        }
        add.setEnabled(rows.size() < RoundPhaseKind.values().length);
    }
}
