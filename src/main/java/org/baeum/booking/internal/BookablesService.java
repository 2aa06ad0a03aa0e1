package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Slot;
import org.baeum.booking.SlotState;
import org.baeum.catalog.ClassSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@link Bookables}: the resources and their day grids (decision 0042). A grid costs three reads: the calendar's days
 * off for the day, the room's class sessions (resources in a room only) and the day's active bookings of the resource
 * (one query, index {@code (bookableId, date)}), from which each slot's units taken are counted. The ledger stays the
 * judge when booking: a slot shown free a moment ago may still be refused as taken.
 */
@Service
class BookablesService implements Bookables {

    private static final Logger log = LoggerFactory.getLogger(BookablesService.class);

    private final BookableRepository bookables;
    private final BookingRepository bookings;
    private final Availability availability;
    private final BookableChecks checks;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Languages languages;

    BookablesService(BookableRepository bookables, BookingRepository bookings, Availability availability,
                     BookableChecks checks, CurrentUser currentUser, Languages languages,
                     Clock clock) {
        this.bookables = bookables;
        this.bookings = bookings;
        this.availability = availability;
        this.checks = checks;
        this.currentUser = currentUser;
        this.clock = clock;
        this.languages = languages;
    }

    @Override
    @PreAuthorize("permitAll()")
    public List<Bookable> bookables() {
        boolean staff = currentUser.get().map(u -> u.hasRole(Role.STAFF) || u.hasRole(Role.ADMIN)).orElse(false);
        return bookables.findAll().stream().filter(b -> staff || b.active()).toList();
    }

    @Override
    @PreAuthorize("permitAll()")
    public Optional<Bookable> bookable(String id) {
        return bookables.findById(id);
    }

    @Override
    @PreAuthorize("permitAll()")
    public List<Slot> slots(String bookableId, LocalDate date) {
        Bookable b = bookables.findById(bookableId)
                .orElseThrow(() -> new IllegalArgumentException("No bookable " + bookableId));
        Locale locale = languages.current();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.SEOUL);
        List<SlotTimes.Span> spans = SlotTimes.of(b.rules());
        boolean inHorizon = b.active() && !date.isBefore(today) && !date.isAfter(today.plusDays(b.rules().horizonDays()));
        List<Availability.Closed> closed = inHorizon ? availability.closedHours(b, date) : List.of();
        List<ClassSession> sessions = inHorizon ? availability.sessions(b, date) : List.of();
        List<SlotTimes.Span> held = inHorizon ? bookings.activeTimesOn(b.id(), date) : List.of();
        List<Slot> slots = new ArrayList<>(spans.size());
        for (SlotTimes.Span s : spans) {
            int taken = 0;
            for (SlotTimes.Span h : held) {
                if (s.overlaps(h.start(), h.end())) {
                    taken++;
                }
            }
            int left = Math.max(0, b.units() - taken);
            LocalTime until = b.rules().wholeDay() ? s.end() : s.start();
            var closure = Availability.closedAt(closed, s.start(), s.end());
            var session = Availability.classAt(sessions, date, s.start(), s.end());
            SlotState state;
            String reason = null;
            if (!inHorizon || !date.atTime(until).atZone(Formats.SEOUL).toInstant().isAfter(now)) {
                state = SlotState.NOT_BOOKABLE;
            } else if (closure.isPresent()) {
                state = SlotState.CLOSED;
                reason = closure.get().reason(locale);
            } else if (session.isPresent()) {
                state = SlotState.CLASS;
                reason = session.get().title(locale);
            } else {
                state = left > 0 ? SlotState.FREE : SlotState.FULL;
            }
            slots.add(new Slot(date, s.start(), s.end(), b.units(), state == SlotState.FREE || state == SlotState.FULL
                    ? left : 0, state, reason));
        }
        return slots;
    }

    @Override
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Bookable save(Bookable bookable) {
        Optional<Bookable> before = bookable == null || bookable.id() == null ? Optional.empty()
                : bookables.findById(bookable.id());
        Bookable checked = checks.check(bookable, before.orElse(null));
        before.ifPresent(old -> checks.resizeHeldSlots(old, checked));
        bookables.save(checked);
        log.info("Bookable {} {} by {}", checked.id(), before.isPresent() ? "changed" : "added",
                currentUser.get().map(u -> u.getUsername()).orElse("system"));
        return checked;
    }
}
