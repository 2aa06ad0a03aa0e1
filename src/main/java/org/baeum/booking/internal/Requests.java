package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.springframework.stereotype.Component;

/** Turns a request into what {@link Placement} writes, refusing what the resource's grid and rules do not allow. */
@Component
class Requests {

    static final int MAX_PURPOSE = 500;

    private final BookableRepository bookables;
    private final Clock clock;

    Requests(BookableRepository bookables, Clock clock) {
        this.bookables = bookables;
        this.clock = clock;
    }

    /**
     * @param citizen a citizen's own request: the horizon and the group size apply (the portal placing a club's slot
     *                checked its own rules)
     * @param status  null for the resource's own: REQUESTED where STAFF approve, else CONFIRMED
     */
    Placement.Order order(BookingRequest r, String accountId, String participantId, String clubId, BookingStatus status,
                          boolean citizen) {
        if (r == null || r.bookableId() == null) {
            throw InvalidInputException.of("bookableId", "validation.required");
        }
        Bookable b = bookables.findById(r.bookableId()).filter(Bookable::active)
                .orElseThrow(() -> InvalidInputException.of("bookableId", "validation.unknown"));
        if (r.date() == null) {
            throw InvalidInputException.of("date", "validation.required");
        }
        if (r.start() == null) {
            throw InvalidInputException.of("start", "validation.required");
        }
        String purpose = r.purpose() == null || r.purpose().isBlank() ? null : r.purpose().strip();
        if (purpose != null && purpose.length() > MAX_PURPOSE) {
            throw InvalidInputException.of("purpose", "validation.tooLong", MAX_PURPOSE);
        }
        int group = r.groupSize() <= 0 ? 1 : r.groupSize();
        if (citizen && (b.kind().forGroups() ? group < b.rules().minGroup() || group > b.rules().maxGroup() : group != 1)) {
            throw new BookingRefusedException(BookingRefusal.GROUP_SIZE);
        }
        List<SlotTimes.Span> spans = SlotTimes.covering(b.rules(), r.start(), r.end());
        if (spans.isEmpty()) {
            throw new BookingRefusedException(BookingRefusal.NOT_BOOKABLE);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.SEOUL);
        if (citizen && (r.date().isBefore(today) || r.date().isAfter(today.plusDays(b.rules().horizonDays())))) {
            throw new BookingRefusedException(BookingRefusal.NOT_BOOKABLE);
        }
        // a time slot can be booked until it starts; a whole day until it ends
        Instant from = r.date().atTime(b.rules().wholeDay() ? spans.getLast().end() : spans.getFirst().start())
                .atZone(Formats.SEOUL).toInstant();
        if (!from.isAfter(now)) {
            throw new BookingRefusedException(BookingRefusal.NOT_BOOKABLE);
        }
        BookingStatus as = status != null ? status
                : b.kind().approvedByStaff() ? BookingStatus.REQUESTED : BookingStatus.CONFIRMED;
        return new Placement.Order(b, r.date(), spans, accountId, participantId, group, clubId, purpose, as, citizen);
    }
}
