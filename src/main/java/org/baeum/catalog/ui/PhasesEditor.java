package org.baeum.catalog.ui;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingDraft.PhaseDraft;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;

/**
 * The recruitment phases of an offering in the editor: one row per phase (method, opening, closing), in order, with
 * "add a phase" (up to {@link OfferingDraft#MAX_PHASES}, opening when the last one closes) and "remove" (never the last
 * row left). The service checks them; {@link #fields()} places its problems ({@code phase.<index>.opens} …).
 */
class PhasesEditor extends VerticalLayout {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /** One phase's fields. */
    static final class Row extends HorizontalLayout {
        final Span title = new Span();
        final Select<RecruitmentMethod> method = new Select<>();
        final DateTimePicker opens = new DateTimePicker();
        final DateTimePicker closes = new DateTimePicker();
        final Button remove = new Button();

        Row() {
            addClassName("baeum-phase");
            setWrap(true);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            method.setWidth("11em");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            add(title, method, opens, closes, remove);
        }
    }

    final List<Row> rows = new ArrayList<>();
    final Button add = new Button();

    PhasesEditor() {
        setPadding(false);
        setSpacing(false);
        addClassName("baeum-phases");
        add.setText(getTranslation("planning.addPhase"));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> {
            LocalDateTime after = rows.isEmpty() ? null : rows.getLast().closes.getValue();
            addRow(RecruitmentMethod.FIRST_COME, after, null);
        });
        add(add);
        addRow(RecruitmentMethod.FIRST_COME, null, null);
    }

    /** Shows the stored phases instead of what is there. */
    void setPhases(List<RecruitmentPhase> phases) {
        for (Row row : rows) {
            remove(row);
        }
        rows.clear();
        for (RecruitmentPhase p : phases) {
            addRow(p.method(), LocalDateTime.ofInstant(p.opensAt(), SEOUL), LocalDateTime.ofInstant(p.closesAt(), SEOUL));
        }
    }

    /** What staff entered, in order. */
    List<PhaseDraft> value() {
        return rows.stream().map(r -> new PhaseDraft(r.opens.getValue(), r.closes.getValue(), r.method.getValue())).toList();
    }

    /** The fields by the names the service's problems use. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            fields.put(OfferingDraft.phaseField(i, "method"), rows.get(i).method);
            fields.put(OfferingDraft.phaseField(i, "opens"), rows.get(i).opens);
            fields.put(OfferingDraft.phaseField(i, "closes"), rows.get(i).closes);
        }
        return fields;
    }

    Row addRow(RecruitmentMethod method, LocalDateTime opens, LocalDateTime closes) {
        Row row = new Row();
        row.method.setItems(method.isPlannable() ? RecruitmentMethod.plannable() : Arrays.asList(RecruitmentMethod.values()));
        row.method.setItemLabelGenerator(m -> getTranslation("recruitment.method." + m.name()));
        row.method.setValue(method);
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

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int number = i + 1;
            row.title.setText(getTranslation("planning.phase", number));
            row.method.setLabel(getTranslation("planning.phaseMethod", number));
            row.opens.setLabel(getTranslation("planning.phaseOpens", number));
            row.closes.setLabel(getTranslation("planning.phaseCloses", number));
            row.remove.setText(getTranslation("planning.removePhase"));
            row.remove.setAriaLabel(getTranslation("planning.removePhaseOf", number));
            row.remove.setEnabled(rows.size() > 1);
        }
        add.setEnabled(rows.size() < OfferingDraft.MAX_PHASES);
    }
}
