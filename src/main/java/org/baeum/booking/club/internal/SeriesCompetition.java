package org.baeum.booking.club.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.booking.club.Clash;
import org.baeum.booking.club.SeriesStatus;
import org.baeum.booking.club.internal.ClubRepository.StoredClub;
import org.baeum.booking.club.internal.SeriesRepository.StoredSeries;
import org.springframework.stereotype.Component;

/**
 * Two clubs asking for the same weekly room (decision 0047): the days on which another club's requested or approved
 * series of the same room and weekday overlaps the hours. An approved one holds the room ({@link Clash.Kind#CLUB}: a
 * new series is refused); a request not decided yet ({@link Clash.Kind#CLUB_REQUEST}) is shown to the leader and to
 * STAFF, who decide between the two.
 */
@Component
public class SeriesCompetition {

    private final SeriesRepository series;
    private final ClubRepository clubs;
    private final Clock clock;

    SeriesCompetition(SeriesRepository series, ClubRepository clubs, Clock clock) {
        this.series = series;
        this.clubs = clubs;
        this.clock = clock;
    }

    /**
     * The days of {@code days} on which a series of another club (any series but {@code exceptSeriesId}) in the room
     * on the weekday overlaps {@code start}–{@code end}, by date; one clash per day and other series.
     */
    public List<Clash> against(String clubId, String bookableId, DayOfWeek weekday, LocalTime start, LocalTime end,
                               Collection<LocalDate> days, String exceptSeriesId) {
        return against(clubId, start, end, days, exceptSeriesId, series.activeOf(bookableId, weekday));
    }

    /** {@link #against} for a stored series: its days from today on (its period less the days off it skips). */
    public List<Clash> of(StoredSeries s) {
        return of(s, series.activeOf(s.bookableId(), s.weekday()));
    }

    /** {@link #of(StoredSeries)} against series already read (STAFF's list: one read for all of them). */
    public List<Clash> of(StoredSeries s, List<StoredSeries> others) {
        List<StoredSeries> sameRoom = others.stream().filter(o -> o.bookableId().equals(s.bookableId())
                && o.weekday() == s.weekday()).toList();
        return against(s.clubId(), s.start(), s.end(), daysOf(s), s.id(), sameRoom);
    }

    private List<Clash> against(String clubId, LocalTime start, LocalTime end, Collection<LocalDate> days,
                                String exceptSeriesId, List<StoredSeries> candidates) {
        Map<String, String> names = new HashMap<>();
        List<Clash> found = new ArrayList<>();
        for (StoredSeries o : candidates) {
            if (o.id().equals(exceptSeriesId) || o.clubId().equals(clubId) || !o.start().isBefore(end)
                    || !start.isBefore(o.end())) {
                continue;
            }
            String name = names.computeIfAbsent(o.clubId(), id -> clubs.find(id).map(StoredClub::name).orElse(id));
            String hours = name + " " + o.start() + "–" + o.end();
            Clash.Kind kind = o.status() == SeriesStatus.APPROVED ? Clash.Kind.CLUB : Clash.Kind.CLUB_REQUEST;
            for (LocalDate day : days) {
                if (!day.isBefore(o.firstDay()) && !day.isAfter(o.lastDay())) {
                    found.add(new Clash(day, kind, hours, hours));
                }
            }
        }
        found.sort(Comparator.comparing(Clash::date));
        return found;
    }

    private List<LocalDate> daysOf(StoredSeries s) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        LocalDate from = s.firstDay().isAfter(today) ? s.firstDay() : today;
        Set<LocalDate> off = s.skipped().stream().map(Clash::date).collect(Collectors.toSet());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(s.weekday())); !d.isAfter(s.lastDay());
             d = d.plusWeeks(1)) {
            if (!off.contains(d)) {
                days.add(d);
            }
        }
        return days;
    }
}
