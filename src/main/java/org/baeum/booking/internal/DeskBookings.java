package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.desk.CheckInSource;
import org.baeum.base.desk.DeskMatch;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingNotFoundException;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Bookings at the front desk (decision 0042): found by the code the citizen shows (case, spaces and the dash ignored;
 * any day) or by two or more characters of the participant's name (that day's active bookings, read once, and their
 * participants looked up in one batch: decision 0047), and checked in as
 * STAFF through {@link Bookings#checkIn}, which logs who checked whom in.
 */
@Component
class DeskBookings implements CheckInSource {

    private static final Logger log = LoggerFactory.getLogger(DeskBookings.class);
    static final String NAME = "booking";
    private static final int MAX = 50;
    private static final int DAY_LIMIT = 5_000;

    private final BookingRepository bookings;
    private final BookableRepository bookables;
    private final Bookings service;
    private final HouseholdService households;
    private final Clock clock;
    private final Languages languages;
    private final NoShows noShows;

    DeskBookings(BookingRepository bookings, BookableRepository bookables, Bookings service, HouseholdService households,
                 Languages languages, Clock clock, NoShows noShows) {
        this.noShows = noShows;
        this.bookings = bookings;
        this.bookables = bookables;
        this.service = service;
        this.households = households;
        this.clock = clock;
        this.languages = languages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<DeskMatch> find(String query, LocalDate day) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        Map<String, Bookable> resources = new HashMap<>();
        String code = BookingCodes.normalize(query);
        if (code != null) {
            var byCode = bookings.findByCode(code);
            if (byCode.isPresent()) {
                return List.of(match(BookingRepository.toBooking(byCode.get()), names, resources));
            }
        }
        String part = query.strip();
        if (part.length() < 2) {
            return List.of();
        }
        // one read of the day's bookings and one batched read of their participants, however many bookings
        List<Booking> active = bookings.activeInBranchesOn(day, DAY_LIMIT).stream().map(BookingRepository::toBooking)
                .toList();
        Map<ParticipantId, Participant> people = active.isEmpty() ? Map.of()
                : households.participants(active.stream().map(Booking::participantId).filter(java.util.Objects::nonNull)
                        .map(ParticipantId::new).toList());
        people.forEach((id, p) -> names.put(id.value(), p.name()));
        List<DeskMatch> found = new ArrayList<>();
        for (Booking b : active) {
            String name = b.participantId() == null ? null : names.get(b.participantId());
            if (name != null && name.contains(part)) {
                found.add(match(b, names, resources));
                if (found.size() == MAX) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public DeskMatch checkIn(String id) {
        try {
            Booking b = service.checkIn(id);
            return match(b, new HashMap<>(), new HashMap<>());
        } catch (BookingRefusedException e) {
            log.info("Booking {} could not be checked in at the desk: {}", id, e.reason());
            throw new IllegalStateException("booking.desk.notNow");
        } catch (BookingNotFoundException e) {
            throw new IllegalStateException("booking.desk.unknown");
        }
    }

    private DeskMatch match(Booking b, Map<String, String> names, Map<String, Bookable> resources) {
        Locale locale = languages.current();
        Bookable bookable = resources.computeIfAbsent(b.bookableId(), id -> bookables.findById(id).orElse(null));
        String what = (bookable == null ? b.bookableId() : bookable.name(locale)) + " · " + b.date() + " "
                + b.start() + "–" + b.end();
        Instant now = clock.instant();
        Instant startAt = b.startAt();
        // until the booking's presentFrom (the start, or its booking time when that was later) + the grace, as checkIn
        Instant until = b.checkInUntil(noShows.rule().graceMinutes());
        boolean can = b.status() == BookingStatus.CONFIRMED && !now.isBefore(startAt.minus(BookingService.DESK_EARLY))
                && now.isBefore(until);
        return new DeskMatch(NAME, b.id(), name(b.participantId(), names), what, "booking.status." + b.status().name(),
                b.checkedInAt(), can);
    }

    private String name(String participantId, Map<String, String> names) {
        return names.computeIfAbsent(participantId, id -> {
            try {
                return households.participant(new ParticipantId(id)).name();
            } catch (RuntimeException e) {
                return "";
            }
        });
    }
}
