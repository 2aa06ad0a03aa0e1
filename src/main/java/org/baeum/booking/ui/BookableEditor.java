package org.baeum.booking.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.BookingRules;
import org.baeum.catalog.Branch;
import org.baeum.catalog.Room;

/**
 * Adds or edits a bookable resource and its rules (STAFF/ADMIN): every field of {@link Bookable} and
 * {@link BookingRules}; what the service refuses is shown at its field (a {@code rules.} prefix is the rules' field),
 * and nothing is stored then.
 */
class BookableEditor extends Dialog {

    final TextField id = new TextField();
    final Select<Branch> branch = new Select<>();
    final Select<String> room = new Select<>();
    final Select<BookableKind> kind = new Select<>();
    final TextField nameKo = new TextField();
    final TextField nameEn = new TextField();
    final IntegerField units = new IntegerField();
    final Checkbox active = new Checkbox();
    final CheckboxGroup<DayOfWeek> openDays = new CheckboxGroup<>();
    final TimePicker opens = new TimePicker();
    final TimePicker closes = new TimePicker();
    final IntegerField slotMinutes = new IntegerField();
    final Checkbox wholeDay = new Checkbox();
    final IntegerField horizonDays = new IntegerField();
    final IntegerField cancelMinutesBefore = new IntegerField();
    final IntegerField maxMinutesPerDay = new IntegerField();
    final IntegerField maxBookingsPerMonth = new IntegerField();
    final IntegerField minGroup = new IntegerField();
    final IntegerField maxGroup = new IntegerField();
    final Paragraph problem = new Paragraph();
    final Button save = new Button();
    final Map<String, HasValidation> fields = new LinkedHashMap<>();

    BookableEditor(Bookable existing, List<Branch> branches, Bookables bookables, Consumer<Bookable> saved) {
        addClassName("baeum-bookable-editor");
        setHeaderTitle(getTranslation(existing == null ? "booking.staff.new" : "booking.staff.edit"));
        label(id, "id");
        label(nameKo, "nameKo");
        label(nameEn, "nameEn");
        branch.setLabel(getTranslation("booking.staff.field.branchId"));
        branch.setItems(branches);
        branch.setItemLabelGenerator(b -> b.name(getLocale()));
        branch.addValueChangeListener(e -> rooms(e.getValue()));
        fields.put("branchId", branch);
        room.setLabel(getTranslation("booking.staff.field.roomId"));
        room.setEmptySelectionAllowed(true);
        room.setEmptySelectionCaption(getTranslation("booking.staff.noRoom"));
        fields.put("roomId", room);
        kind.setLabel(getTranslation("booking.staff.field.kind"));
        kind.setItems(BookableKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("booking.kind." + k.name()));
        fields.put("kind", kind);
        active.setLabel(getTranslation("booking.staff.field.active"));
        openDays.setLabel(getTranslation("booking.staff.field.openDays"));
        openDays.setItems(DayOfWeek.values());
        openDays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, getLocale()));
        fields.put("openDays", openDays);
        opens.setLabel(getTranslation("booking.staff.field.opens"));
        fields.put("opens", opens);
        closes.setLabel(getTranslation("booking.staff.field.closes"));
        fields.put("closes", closes);
        wholeDay.setLabel(getTranslation("booking.staff.field.wholeDay"));
        for (var f : List.of(Map.entry("units", units), Map.entry("slotMinutes", slotMinutes),
                Map.entry("horizonDays", horizonDays), Map.entry("cancelMinutesBefore", cancelMinutesBefore),
                Map.entry("maxMinutesPerDay", maxMinutesPerDay), Map.entry("maxBookingsPerMonth", maxBookingsPerMonth),
                Map.entry("minGroup", minGroup), Map.entry("maxGroup", maxGroup))) {
            f.getValue().setLabel(getTranslation("booking.staff.field." + f.getKey()));
            fields.put(f.getKey(), f.getValue());
        }
        fill(existing, branches);
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        FormLayout form = new FormLayout(id, branch, room, kind, nameKo, nameEn, units, active, openDays, opens, closes,
                slotMinutes, wholeDay, horizonDays, cancelMinutesBefore, maxMinutesPerDay, maxBookingsPerMonth,
                minGroup, maxGroup);
        add(form, problem);
        save.setText(getTranslation("booking.staff.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(bookables, saved));
        getFooter().add(new Button(getTranslation("booking.dialog.back"), e -> close()), save);
    }

    private void label(TextField field, String name) {
        field.setLabel(getTranslation("booking.staff.field." + name));
        fields.put(name, field);
    }

    private void rooms(Branch b) {
        List<String> ids = b == null ? List.of() : b.rooms().stream().map(Room::id).toList();
        room.setItems(ids);
        room.setItemLabelGenerator(id -> b == null || id == null ? "" : b.rooms().stream()
                .filter(r -> r.id().equals(id)).findFirst().map(r -> r.name(getLocale())).orElse(id));
    }

    private void fill(Bookable b, List<Branch> branches) {
        if (b == null) {
            active.setValue(true);
            openDays.setValue(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
            opens.setValue(LocalTime.of(9, 0));
            closes.setValue(LocalTime.of(18, 0));
            List.of(units, minGroup, maxGroup).forEach(f -> f.setValue(1));
            slotMinutes.setValue(60);
            horizonDays.setValue(7);
            cancelMinutesBefore.setValue(60);
            maxMinutesPerDay.setValue(0);
            maxBookingsPerMonth.setValue(0);
            return;
        }
        id.setValue(b.id());
        id.setReadOnly(true);
        branches.stream().filter(x -> x.id().value().equals(b.branchId())).findFirst().ifPresent(branch::setValue);
        room.setValue(b.roomId());
        kind.setValue(b.kind());
        nameKo.setValue(b.nameKo());
        nameEn.setValue(b.nameEn());
        units.setValue(b.units());
        active.setValue(b.active());
        BookingRules r = b.rules();
        openDays.setValue(r.openDays());
        opens.setValue(r.opens());
        closes.setValue(r.closes());
        slotMinutes.setValue(r.slotMinutes());
        wholeDay.setValue(r.wholeDay());
        horizonDays.setValue(r.horizonDays());
        cancelMinutesBefore.setValue(r.cancelMinutesBefore());
        maxMinutesPerDay.setValue(r.maxMinutesPerDay());
        maxBookingsPerMonth.setValue(r.maxBookingsPerMonth());
        minGroup.setValue(r.minGroup());
        maxGroup.setValue(r.maxGroup());
    }

    private void save(Bookables bookables, Consumer<Bookable> saved) {
        fields.values().forEach(f -> f.setInvalid(false));
        problem.setVisible(false);
        List<FieldProblem> missing = new ArrayList<>();
        fields.forEach((name, f) -> {
            // values the record cannot carry; names, ids and days the service checks itself
            if (f instanceof com.vaadin.flow.component.HasValue<?, ?> v && v.isEmpty() && !(f instanceof TextField)
                    && !name.equals("roomId") && !name.equals("openDays")) {
                missing.add(FieldProblem.of(name, "booking.staff.required"));
            }
        });
        try {
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
            BookingRules rules = new BookingRules(openDays.getValue(), opens.getValue(), closes.getValue(),
                    slotMinutes.getValue(), wholeDay.getValue(), horizonDays.getValue(), cancelMinutesBefore.getValue(),
                    maxMinutesPerDay.getValue(), maxBookingsPerMonth.getValue(), minGroup.getValue(), maxGroup.getValue());
            Bookable b = bookables.save(new Bookable(id.getValue().isBlank() ? null : id.getValue().strip(),
                    branch.getValue().id().value(), room.getValue(), kind.getValue(), nameKo.getValue().strip(),
                    nameEn.getValue().strip(), units.getValue(), rules, active.getValue()));
            close();
            saved.accept(b);
        } catch (InvalidInputException e) {
            List<String> elsewhere = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                String text = getTranslation(p.messageKey(), p.arguments().toArray());
                HasValidation f = fields.get(p.field().startsWith("rules.") ? p.field().substring(6) : p.field());
                if (f == null) {
                    elsewhere.add(text);
                } else if (!f.isInvalid()) {
                    f.setErrorMessage(text);
                    f.setInvalid(true);
                }
            }
            problem.setText(elsewhere.isEmpty() ? getTranslation("validation.summary") : String.join(" ", elsewhere));
            problem.setVisible(true);
        }
    }
}
