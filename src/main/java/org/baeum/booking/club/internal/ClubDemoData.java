package org.baeum.booking.club.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.ClubMember;
import org.baeum.booking.club.ClubStatus;
import org.baeum.booking.club.SeriesCheck;
import org.baeum.booking.club.SeriesStatus;
import org.baeum.booking.club.internal.ClubRepository.StoredClub;
import org.baeum.booking.club.internal.SeriesRepository.StoredSeries;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's learning club (decision 0045): 마포 시니어 합창 동아리, approved, led by the demo citizen with two demo
 * neighbours as members, and its weekly slot every Tuesday 14:00–16:00 (or the next two free hours of Tuesday, as
 * demo classes meet in that room too) in the club room ({@code main-club-room} of the booking demo) from the next
 * Tuesday to the end of the running term, approved and placed. Fixed ids; placing
 * again places only the days still missing.
 */
@Component
class ClubDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(ClubDemoData.class);
    static final String CLUB = "demo-club-choir";
    static final String SERIES = "demo-club-choir-tuesdays";
    static final String ROOM = "main-club-room";

    private final ClubRepository clubs;
    private final SeriesRepository series;
    private final SeriesPlanner planner;
    private final SeriesPlacement placement;
    private final Bookables bookables;
    private final CatalogService catalog;
    private final Clock clock;

    ClubDemoData(ClubRepository clubs, SeriesRepository series, SeriesPlanner planner, SeriesPlacement placement,
                 Bookables bookables, CatalogService catalog, Clock clock) {
        this.clubs = clubs;
        this.series = series;
        this.planner = planner;
        this.placement = placement;
        this.bookables = bookables;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public int order() {
        // after the booking demo's resources (45) and the demo instructor's classes (60), before the history (65):
        // tests that load only the demo catalog (below 60) keep an empty club room
        return 61;
    }

    @Override
    public void contribute(DemoContext context) {
        Optional<Bookable> room = SystemIdentity.call(() -> bookables.bookable(ROOM));
        if (room.isEmpty()) {
            log.warn("No bookable {}: the demo learning club is left out", ROOM);
            return;
        }
        Instant now = Instant.now(clock);
        if (clubs.find(CLUB).isEmpty()) {
            clubs.insert(new StoredClub(CLUB, "마포 시니어 합창 동아리",
                    "매주 화요일 오후에 모여 가곡과 동요를 함께 부르는 마포 어르신 합창 모임입니다. (Mapo seniors' choir)",
                    "main", "demo-citizen", "김시민", List.of(), ClubStatus.REGISTERED, null, "CHRS2345MP", now));
            clubs.join("CHRS2345MP", new ClubMember("demo-citizen-5", "정복순", now));
            clubs.join("CHRS2345MP", new ClubMember("demo-citizen-6", "한말순", now));
            clubs.decide(CLUB, ClubStatus.APPROVED, null, "system", now);
        }
        if (series.find(SERIES).isEmpty()) {
            LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
            LocalDate first = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
            LocalDate last = catalog.terms().stream().filter(t -> !t.endDate().isBefore(first))
                    .map(Term::endDate).min(LocalDate::compareTo).orElse(first.plusWeeks(12));
            if (last.isAfter(first.plusMonths(6))) {
                last = first.plusMonths(6);
            }
            // 14:00–16:00, or the first two hours of Tuesday after it that no demo class holds in the room
            LocalTime start = null;
            SeriesCheck check = null;
            for (int hour : new int[] {14, 16, 18, 20, 10, 12}) {
                start = LocalTime.of(hour, 0);
                check = planner.check(room.get(), DayOfWeek.TUESDAY, start, start.plusHours(2), first, last);
                if (!check.refused()) {
                    break;
                }
            }
            if (check.refused()) {
                log.warn("Classes hold the club room every Tuesday: the demo club has no weekly slot");
                return;
            }
            series.insert(new StoredSeries(SERIES, CLUB, "main", ROOM, DayOfWeek.TUESDAY, start, start.plusHours(2),
                    first, last, SeriesStatus.REQUESTED, null, new TreeMap<>(), new TreeMap<>(), check.clashes(),
                    "demo-citizen", now));
            series.move(SERIES, List.of(SeriesStatus.REQUESTED), SeriesStatus.APPROVED, null, "system", now);
        }
        StoredSeries s = series.find(SERIES).orElse(null);
        if (s != null && s.status() == SeriesStatus.APPROVED) {
            StoredSeries placed = placement.place(s, clubs.find(CLUB).orElseThrow(), room.get());
            log.info("Demo learning club {}: {} Tuesdays {}–{} booked, {} not", CLUB, placed.placed().size(),
                    placed.start(), placed.end(), placed.notPlaced().size());
        }
    }
}
