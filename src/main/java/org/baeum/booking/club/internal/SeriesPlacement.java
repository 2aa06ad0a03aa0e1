package org.baeum.booking.club.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.club.Clash;
import org.baeum.booking.club.SeriesCheck;
import org.baeum.booking.club.internal.ClubRepository.StoredClub;
import org.baeum.booking.club.internal.SeriesRepository.StoredSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places an approved series' bookings, one day at a time, as the portal ({@code Bookings.place}, CONFIRMED with the
 * club's id), and cancels them when STAFF end it. Safe to run again: a day with a recorded booking is left alone, and a
 * day whose slot turns out to hold the club's own booking already (the portal stopped after placing it, before
 * recording it) adopts that booking instead of placing another.
 */
@Component
public class SeriesPlacement {

    private static final Logger log = LoggerFactory.getLogger(SeriesPlacement.class);

    private final SeriesRepository series;
    private final SeriesPlanner planner;
    private final Bookings bookings;
    private final Clock clock;

    SeriesPlacement(SeriesRepository series, SeriesPlanner planner, Bookings bookings, Clock clock) {
        this.series = series;
        this.planner = planner;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Places every day of the series from now on that has no booking yet; the series as stored afterwards. */
    public StoredSeries place(StoredSeries s, StoredClub club, Bookable room) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Formats.SEOUL));
        LocalDate from = s.firstDay().isAfter(now.toLocalDate()) ? s.firstDay() : now.toLocalDate();
        if (from.isAfter(s.lastDay())) {
            return s;
        }
        SeriesCheck check = planner.check(room, s.weekday(), s.start(), s.end(), from, s.lastDay());
        series.recordSkipped(s.id(), check.clashes().stream().filter(c -> c.kind() != Clash.Kind.CLASS).toList());
        check.clashes().stream().filter(c -> c.kind() == Clash.Kind.CLASS)
                .forEach(c -> series.recordNotPlaced(s.id(), c.date(), BookingRefusal.CONFLICT.name()));
        int groupSize = Math.max(room.rules().minGroup(), Math.min(club.members().size() + 1, room.rules().maxGroup()));
        int placed = 0;
        for (LocalDate day : check.days()) {
            if (s.placed().containsKey(day) || !LocalDateTime.of(day, s.start()).isAfter(now)) {
                continue;
            }
            BookingRequest request = new BookingRequest(s.bookableId(), day, s.start(), s.end(), null, groupSize,
                    club.name());
            try {
                Booking booking = SystemIdentity.call(() -> bookings.place(request, club.leaderId(), club.id(),
                        BookingStatus.CONFIRMED));
                series.recordPlaced(s.id(), day, booking.id());
                placed++;
            } catch (BookingRefusedException refused) {
                Optional<Booking> ours = refused.reason() == BookingRefusal.TAKEN
                        ? ownBooking(s, club.id(), day) : Optional.empty();
                if (ours.isPresent()) {
                    series.recordPlaced(s.id(), day, ours.get().id());
                    log.info("Series {}: the booking of {} was placed before and is now recorded", s.id(), day);
                } else {
                    series.recordNotPlaced(s.id(), day, refused.reason().name());
                    log.info("Series {}: {} not placed ({})", s.id(), day, refused.reason());
                }
            }
        }
        log.info("Series {} of club {}: {} bookings placed", s.id(), club.id(), placed);
        return series.find(s.id()).orElseThrow();
    }

    private Optional<Booking> ownBooking(StoredSeries s, String clubId, LocalDate day) {
        List<Booking> ofDay = SystemIdentity.call(() -> bookings.ofDay(s.bookableId(), day));
        return ofDay.stream().filter(b -> clubId.equals(b.clubId()) && b.status().active() && b.start().equals(s.start()))
                .findFirst();
    }

    /**
     * Cancels the series' bookings that have not started yet, as the signed-in STAFF member ({@code Bookings.cancel});
     * one already cancelled or started is left as it is.
     *
     * @return how many were cancelled now
     */
    public int cancelFuture(StoredSeries s) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Formats.SEOUL));
        int cancelled = 0;
        for (Map.Entry<LocalDate, String> day : s.placed().entrySet()) {
            LocalTime start = s.start();
            if (!LocalDateTime.of(day.getKey(), start).isAfter(now)) {
                continue;
            }
            try {
                Booking booking = bookings.cancel(day.getValue());
                if (booking.status() == BookingStatus.CANCELLED) {
                    cancelled++;
                }
            } catch (BookingRefusedException refused) {
                log.info("Series {}: booking {} of {} stays ({})", s.id(), day.getValue(), day.getKey(),
                        refused.reason());
            }
        }
        log.info("Series {} ended: {} future bookings cancelled", s.id(), cancelled);
        return cancelled;
    }
}
