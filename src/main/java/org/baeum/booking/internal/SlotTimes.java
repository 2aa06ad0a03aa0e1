package org.baeum.booking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRules;
import org.baeum.capacity.ResourceKey;
import org.baeum.capacity.ResourceKind;

/**
 * The slot grid of a resource's day, as plain times, and the capacity-ledger key of each slot (decision 0042): kind
 * {@value #KIND_NAME}, id {@code <bookableId>|<yyyy-MM-dd>|<HH:mm>}. No Spring, no database.
 */
final class SlotTimes {

    static final String KIND_NAME = "booking-slot";
    /** One ledger document per resource, day and slot start, created on first use with the resource's units. */
    static final ResourceKind KIND = ResourceKind.own(KIND_NAME, false);

    /** One slot: start inclusive, end exclusive. */
    record Span(LocalTime start, LocalTime end) {

        boolean overlaps(LocalTime from, LocalTime to) {
            return start.isBefore(to) && end.isAfter(from);
        }

        int minutes() {
            return (int) java.time.Duration.between(start, end).toMinutes();
        }
    }

    private SlotTimes() {
    }

    /** Every slot of an open day under these rules, in order. */
    static List<Span> of(BookingRules rules) {
        List<Span> spans = new ArrayList<>();
        if (rules.opens() == null || rules.closes() == null || !rules.opens().isBefore(rules.closes())) {
            return spans;
        }
        if (rules.wholeDay()) {
            spans.add(new Span(rules.opens(), rules.closes()));
            return spans;
        }
        if (rules.slotMinutes() < 1) {
            return spans;
        }
        int open = rules.opens().toSecondOfDay() / 60;
        int close = rules.closes().toSecondOfDay() / 60;
        for (int m = open; m + rules.slotMinutes() <= close; m += rules.slotMinutes()) {
            spans.add(new Span(LocalTime.ofSecondOfDay(m * 60L), LocalTime.ofSecondOfDay((m + rules.slotMinutes()) * 60L)));
        }
        return spans;
    }

    /**
     * The slots a request from {@code start} to {@code end} covers ({@code end} null: the one slot starting at
     * {@code start}); empty when it does not fall exactly on the grid.
     */
    static List<Span> covering(BookingRules rules, LocalTime start, LocalTime end) {
        if (start == null) {
            return List.of();
        }
        List<Span> all = of(rules);
        List<Span> covered = new ArrayList<>();
        boolean in = false;
        for (Span s : all) {
            if (s.start().equals(start)) {
                in = true;
            }
            if (in) {
                covered.add(s);
                if (end == null || s.end().equals(end)) {
                    return covered;
                }
                if (s.end().isAfter(end)) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    static ResourceKey key(String bookableId, LocalDate date, LocalTime start) {
        return KIND.key(id(bookableId, date, start));
    }

    static String id(String bookableId, LocalDate date, LocalTime start) {
        return bookableId + "|" + date + "|" + start;
    }

    /** The resource id back from a stored key id; null when it is not one of ours. */
    static ResourceKey parse(String id) {
        return id == null || id.isBlank() ? null : KIND.key(id);
    }

    static boolean onGrid(Bookable bookable, LocalTime start, LocalTime end) {
        return !covering(bookable.rules(), start, end).isEmpty();
    }
}
