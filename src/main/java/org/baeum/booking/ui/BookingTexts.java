package org.baeum.booking.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.baeum.base.i18n.Formats;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.NoShowRule;
import org.baeum.booking.Slot;
import org.baeum.booking.SlotState;

/** The booking screens' shared wording: times, slots for screen readers, refusals, statuses and the no-show rule. */
final class BookingTexts {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private BookingTexts() {
    }

    static String time(LocalTime t) {
        return t.format(HH_MM);
    }

    /** "10:00–11:00". */
    static String span(LocalTime start, LocalTime end) {
        return time(start) + "–" + time(end);
    }

    static String day(LocalDate date, Locale locale) {
        return Formats.date(date, locale);
    }

    /** What a slot's button says to a screen reader: "10:00–11:00, 3자리 남음, 예약" or why it cannot be booked. */
    static String slotLabel(Slot s) {
        String span = span(s.start(), s.end());
        if (s.free()) {
            return I18NProvider.translate("booking.slot.aria.FREE", span, s.left());
        }
        SlotState state = s.state() == SlotState.FREE ? SlotState.FULL : s.state();
        return I18NProvider.translate("booking.slot.aria." + state.name(), span, s.reason() == null ? "" : s.reason());
    }

    /** The short visible state of a slot: "3자리", "마감", "휴관", "수업", "예약 불가". */
    static String slotState(Slot s) {
        if (s.free()) {
            return I18NProvider.translate("booking.slot.left", s.left());
        }
        SlotState state = s.state() == SlotState.FREE ? SlotState.FULL : s.state();
        return I18NProvider.translate("booking.slot." + state.name());
    }

    static String refusal(BookingRefusedException e, Locale locale) {
        return I18NProvider.translate("booking.refusal." + e.reason().name(),
                e.until() == null ? "" : Formats.date(e.until(), locale), e.detail() == null ? "" : e.detail());
    }

    static String status(Booking b) {
        return I18NProvider.translate("booking.status." + b.status().name());
    }

    /** "3 no-shows within 90 days stop online booking for 30 days; check in within 15 minutes of the start." */
    static String rule(NoShowRule r) {
        return I18NProvider.translate("booking.rule.words", r.marks(), r.windowDays(), r.banDays(), r.graceMinutes());
    }
}
