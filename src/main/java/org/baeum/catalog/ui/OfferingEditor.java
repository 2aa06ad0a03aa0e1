package org.baeum.catalog.ui;

import org.baeum.base.ui.FieldErrors;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Program;
import org.baeum.catalog.Room;
import org.baeum.catalog.Term;

/** Create or edit an offering; every problem is shown at its field and nothing is stored until all is right. */
class OfferingEditor extends Dialog {

    final ComboBox<Program> program = new ComboBox<>();
    final Select<Term> term = new Select<>();
    final ComboBox<Room> room = new ComboBox<>();
    final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    final TimePicker startTime = new TimePicker();
    final TimePicker endTime = new TimePicker();
    final DatePicker firstDate = new DatePicker();
    final DatePicker lastDate = new DatePicker();
    final IntegerField capacity = new IntegerField();
    final PhasesEditor phases = new PhasesEditor();
    final Button save = new Button();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    OfferingEditor(CatalogService catalog, Offering existing, Term defaultTerm, Consumer<OfferingId> saved) {
        Locale locale = getLocale();
        setHeaderTitle(getTranslation(existing == null ? "planning.newOffering" : "planning.editOffering"));
        program.setLabel(getTranslation("planning.program"));
        program.setItems(catalog.programs());
        program.setItemLabelGenerator(p -> p.title(locale));
        program.setRequired(true);
        term.setLabel(getTranslation("offering.term"));
        term.setItems(catalog.terms());
        term.setItemLabelGenerator(t -> t.name(locale));
        List<Room> rooms = catalog.branches().stream()
                .flatMap(b -> b.rooms().stream()).filter(r -> r.seats() > 0).toList();
        room.setLabel(getTranslation("offering.room"));
        room.setItems(rooms);
        room.setItemLabelGenerator(r -> r.name(locale) + " (" + getTranslation("branches.seats", r.seats()) + ")");
        weekdays.setLabel(getTranslation("catalog.weekday"));
        weekdays.setItems(Arrays.asList(DayOfWeek.values()));
        weekdays.setItemLabelGenerator(d -> getTranslation("weekday." + d.name()));
        startTime.setLabel(getTranslation("planning.startTime"));
        endTime.setLabel(getTranslation("planning.endTime"));
        firstDate.setLabel(getTranslation("planning.firstDate"));
        lastDate.setLabel(getTranslation("planning.lastDate"));
        capacity.setLabel(getTranslation("planning.capacity"));
        capacity.setMin(1);
        capacity.setStepButtonsVisible(true);

        fields.put("programId", program);
        fields.put("termId", term);
        fields.put("roomId", room);
        fields.put("weekdays", weekdays);
        fields.put("startTime", startTime);
        fields.put("endTime", endTime);
        fields.put("firstDate", firstDate);
        fields.put("lastDate", lastDate);
        fields.put("capacity", capacity);

        if (existing != null) {
            catalog.programs().stream().filter(p -> p.id().equals(existing.program().id())).findFirst().ifPresent(program::setValue);
            catalog.terms().stream().filter(t -> t.id().equals(existing.termId())).findFirst().ifPresent(term::setValue);
            rooms.stream().filter(r -> r.id().equals(existing.roomId())).findFirst().ifPresent(room::setValue);
            weekdays.setValue(existing.schedule().weekdays());
            startTime.setValue(existing.schedule().startTime());
            endTime.setValue(existing.schedule().endTime());
            firstDate.setValue(existing.schedule().firstDate());
            lastDate.setValue(existing.schedule().lastDate());
            capacity.setValue(existing.capacity());
            phases.setPhases(existing.recruitment().phases());
        } else if (defaultTerm != null) {
            term.setValue(defaultTerm);
            firstDate.setValue(defaultTerm.startDate());
            lastDate.setValue(defaultTerm.endDate());
        }

        FormLayout form = new FormLayout(program, term, room, weekdays, startTime, endTime, firstDate, lastDate,
                capacity);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(weekdays, 2);
        add(form, new H3(getTranslation("planning.phases")), phases);
        save.setText(getTranslation("planning.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<String, HasValidation> all = new LinkedHashMap<>(fields);
            all.putAll(phases.fields());
            FieldErrors.clear(all);
            try {
                OfferingId id = catalog.saveOffering(new OfferingDraft(existing == null ? null : existing.id(),
                        program.getValue() == null ? null : program.getValue().id(),
                        term.getValue() == null ? null : term.getValue().id(),
                        room.getValue() == null ? null : room.getValue().id(), weekdays.getValue(),
                        startTime.getValue(), endTime.getValue(), firstDate.getValue(), lastDate.getValue(),
                        capacity.isInvalid() ? null : capacity.getValue(), phases.value()));
                close();
                saved.accept(id);
            } catch (CatalogValidationException invalid) {
                FieldErrors.show(all, invalid.problems(), this::getTranslation);
            }
        });
        Button cancel = new Button(getTranslation("planning.cancel"), e -> close());
        getFooter().add(cancel, save);
        setWidth("min(96vw, 48rem)");
    }
}
