package org.baeum.booking.club.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.ui.FieldErrors;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.Clash;
import org.baeum.booking.club.ClubSeries;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.SeriesCheck;
import org.baeum.booking.club.SeriesClashException;
import org.baeum.booking.club.SeriesDraft;

/**
 * The leader's request for a recurring slot: room, weekday, hours and period; "check" lists the days it would book and
 * every clash (class, closure, holiday) before anything is sent, and "send" is possible only after a check without
 * classes. The result is a live region, so a screen reader reads it out.
 */
class SeriesForm extends Section {

    private final transient ClubSlots slots;
    private final LearningClub club;
    private final Runnable changed;
    final Select<Bookable> room = new Select<>();
    final Select<DayOfWeek> weekday = new Select<>();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final DatePicker firstDay = new DatePicker();
    final DatePicker lastDay = new DatePicker();
    final Button check = new Button();
    final Button send = new Button();
    final Div result = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    SeriesForm(LearningClub club, ClubSlots slots, Bookables bookables, Clock clock, Runnable changed) {
        this.slots = slots;
        this.club = club;
        this.changed = changed;
        addClassName("baeum-series-form");
        room.setLabel(getTranslation("club.series.room"));
        List<Bookable> rooms = bookables.bookables().stream()
                .filter(b -> b.kind() == BookableKind.CLUB_ROOM && b.branchId().equals(club.branchId())).toList();
        room.setItems(rooms);
        room.setItemLabelGenerator(b -> b.name(getLocale()));
        room.addValueChangeListener(e -> fitTimes(e.getValue()));
        if (rooms.size() == 1) {
            room.setValue(rooms.getFirst());
        }
        weekday.setLabel(getTranslation("club.series.weekday"));
        weekday.setItems(DayOfWeek.values());
        weekday.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, getLocale()));
        start.setLabel(getTranslation("club.series.start"));
        end.setLabel(getTranslation("club.series.end"));
        firstDay.setLabel(getTranslation("club.series.firstDay"));
        lastDay.setLabel(getTranslation("club.series.lastDay"));
        firstDay.setMin(LocalDate.now(clock.withZone(Formats.SEOUL)).plusDays(1));
        fields.put("bookableId", room);
        fields.put("weekday", weekday);
        fields.put("start", start);
        fields.put("end", end);
        fields.put("firstDay", firstDay);
        fields.put("lastDay", lastDay);
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f)
                .addValueChangeListener(e -> send.setEnabled(false)));

        check.setText(getTranslation("club.series.check"));
        check.setAriaLabel(getTranslation("club.series.checkFor", club.name()));
        check.addClickListener(e -> check());
        send.setText(getTranslation("club.series.send"));
        send.setAriaLabel(getTranslation("club.series.sendFor", club.name()));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setEnabled(false);
        send.addClickListener(e -> send());
        result.getElement().setAttribute("aria-live", "polite");
        result.addClassName("baeum-series-check");

        FormLayout form = new FormLayout(room, weekday, start, end, firstDay, lastDay);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        add(new H3(getTranslation("club.series.request")), new Paragraph(getTranslation("club.series.intro")), form,
                check, send, result);
    }

    /** The time pickers offer the room's slot grid within its hours. */
    private void fitTimes(Bookable chosen) {
        int minutes = chosen == null || chosen.rules().slotMinutes() <= 0 ? 30 : chosen.rules().slotMinutes();
        for (TimePicker picker : List.of(start, end)) {
            picker.setStep(Duration.ofMinutes(minutes));
            picker.setMin(chosen == null ? null : chosen.rules().opens());
            picker.setMax(chosen == null ? null : chosen.rules().closes());
        }
    }

    private SeriesDraft draft() {
        return new SeriesDraft(club.id(), room.getValue() == null ? null : room.getValue().id(), weekday.getValue(),
                start.getValue(), end.getValue(), firstDay.getValue(), lastDay.getValue());
    }

    void check() {
        FieldErrors.clear(fields);
        result.removeAll();
        try {
            SeriesCheck found = slots.check(draft());
            result.add(new Paragraph(getTranslation(found.refused() ? refusedKey(found.clashes()) : "club.series.ok",
                    found.days().size())));
            if (!found.competingRequests().isEmpty()) {
                result.add(new Paragraph(getTranslation("club.series.competingRequest",
                        found.competingRequests().size(), clubs(found.competingRequests()))));
            }
            competing(found.clashes());
            showClashes(found.clashes());
            send.setEnabled(!found.refused() && !found.days().isEmpty());
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }

    void send() {
        FieldErrors.clear(fields);
        try {
            ClubSeries sent = slots.request(draft());
            send.setEnabled(false);
            MyClubsView.notice(getTranslation("club.series.sent", SeriesTexts.every(this, sent.weekday(),
                    sent.start(), sent.end())), NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (SeriesClashException clash) {
            result.removeAll();
            result.add(new Paragraph(getTranslation(refusedKey(clash.clashes()), 0)));
            competing(clash.clashes());
            showClashes(clash.clashes());
            send.setEnabled(false);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }

    /** Another club's approved series at these hours: said at the hours' field, with the club (decision 0047). */
    private void competing(List<Clash> clashes) {
        List<Clash> held = clashes.stream().filter(c -> c.kind() == Clash.Kind.CLUB).toList();
        if (!held.isEmpty()) {
            FieldErrors.show(fields, List.of(org.baeum.base.domain.FieldProblem.of("start", "club.error.competing",
                    clubs(held))), this::getTranslation);
        }
    }

    private static String refusedKey(List<Clash> clashes) {
        return clashes.stream().anyMatch(c -> c.kind() == Clash.Kind.CLASS) ? "club.series.refused"
                : "club.series.refusedClub";
    }

    private String clubs(List<Clash> clashes) {
        return String.join(", ", clashes.stream().map(c -> c.reason(getLocale())).distinct().toList());
    }

    private void showClashes(List<Clash> clashes) {
        if (clashes.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.getElement().setAttribute("aria-label", getTranslation("club.series.clashes"));
        clashes.forEach(c -> list.add(new ListItem(SeriesTexts.clash(this, c))));
        result.add(list);
    }
}
