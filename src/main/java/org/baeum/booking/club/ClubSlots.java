package org.baeum.booking.club;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.internal.ClubMail;
import org.baeum.booking.club.internal.ClubRepository;
import org.baeum.booking.club.internal.ClubRepository.StoredClub;
import org.baeum.booking.club.internal.SeriesCompetition;
import org.baeum.booking.club.internal.SeriesPlacement;
import org.baeum.booking.club.internal.SeriesPlanner;
import org.baeum.booking.club.internal.SeriesRepository;
import org.baeum.booking.club.internal.SeriesRepository.StoredSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A learning club's recurring slots (decision 0045): its leader checks and requests "every Tuesday 14:00–16:00 in the
 * club room for the term"; a class in the room on one of the days refuses it with the days and classes, days off are
 * skipped. STAFF approve it (each day's booking is placed as the portal, CONFIRMED with the club's id; approving again
 * places only what is missing), refuse it with a reason, or end it early (its future bookings cancelled).
 */
@Service
public class ClubSlots {

    private static final Logger log = LoggerFactory.getLogger(ClubSlots.class);
    private static final String LEADER = LearningClubs.CITIZEN + " and @clubAccess.leads(#draft?.clubId())";
    /** The longest series: a term. */
    public static final int MAX_MONTHS = 6;

    private final ClubRepository clubs;
    private final SeriesRepository series;
    private final SeriesPlanner planner;
    private final SeriesPlacement placement;
    private final SeriesCompetition competition;
    private final Bookables bookables;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ClubMail mail;

    ClubSlots(ClubRepository clubs, SeriesRepository series, SeriesPlanner planner, SeriesPlacement placement,
              SeriesCompetition competition, Bookables bookables, CurrentUser currentUser, Clock clock,
              ClubMail mail) {
        this.competition = competition;
        this.mail = mail;
        this.clubs = clubs;
        this.series = series;
        this.planner = planner;
        this.placement = placement;
        this.bookables = bookables;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Checks a series day by day without storing anything: the days it would book and the days that clash (classes,
     * days off, and other clubs' series of the room at overlapping hours: approved ones refuse, requested ones are
     * listed for STAFF to decide).
     *
     * @throws InvalidInputException per field: {@code bookableId} (a club room of the club's branch), {@code weekday},
     *                               {@code start}, {@code end} (on the room's hours), {@code firstDay} (from tomorrow),
     *                               {@code lastDay} (at most {@value #MAX_MONTHS} months on), or {@code club} when the
     *                               club is not approved
     */
    @PreAuthorize(LEADER)
    public SeriesCheck check(SeriesDraft draft) {
        StoredClub club = clubs.find(draft.clubId()).orElseThrow();
        return planned(draft, club, checked(draft, club));
    }

    private SeriesCheck planned(SeriesDraft draft, StoredClub club, Bookable room) {
        SeriesCheck check = planner.check(room, draft.weekday(), draft.start(), draft.end(), draft.firstDay(),
                draft.lastDay());
        List<Clash> clashes = new ArrayList<>(check.clashes());
        clashes.addAll(competition.against(club.id(), room.id(), draft.weekday(), draft.start(), draft.end(),
                check.days(), null));
        clashes.sort(java.util.Comparator.comparing(Clash::date));
        return new SeriesCheck(check.days(), clashes);
    }

    /**
     * Requests the series: REQUESTED, waiting for STAFF, with the days off it skips.
     *
     * @throws SeriesClashException when classes meet in the room, or another club's approved series holds it at
     *                               overlapping hours, on some of its days (nothing stored); another club's request
     *                               not decided yet does not refuse it (STAFF see both side by side)
     * @throws InvalidInputException as {@link #check}
     */
    @PreAuthorize(LEADER)
    public ClubSeries request(SeriesDraft draft) {
        StoredClub club = clubs.find(draft.clubId()).orElseThrow();
        Bookable room = checked(draft, club);
        SeriesCheck check = planned(draft, club, room);
        if (check.refused()) {
            List<Clash> refusing = check.clashes().stream().filter(SeriesCheck::refuses).toList();
            log.info("Series of club {} in {} refused: classes or another club's series on {} days", club.id(),
                    room.id(), refusing.size());
            throw new SeriesClashException(refusing);
        }
        if (check.days().isEmpty()) {
            throw InvalidInputException.of("lastDay", "club.error.noDays");
        }
        String id = "series-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        series.insert(new StoredSeries(id, club.id(), club.branchId(), room.id(), draft.weekday(), draft.start(),
                draft.end(), draft.firstDay(), draft.lastDay(), SeriesStatus.REQUESTED, null, new java.util.TreeMap<>(),
                new java.util.TreeMap<>(), check.clashes().stream().filter(c -> c.kind() == Clash.Kind.HOLIDAY
                || c.kind() == Clash.Kind.CLOSURE).toList(), currentUser.require().accountId(), Instant.now(clock)));
        log.info("Series {} of club {} requested: {} days in {}, {} of them also asked for by another club", id,
                club.id(), check.days().size(), room.id(), check.competingRequests().size());
        return view(series.find(id).orElseThrow());
    }

    /** The club's series, oldest first: its leader and members. */
    @PreAuthorize(LearningClubs.CITIZEN + " and @clubAccess.belongs(#clubId)")
    public List<ClubSeries> ofClub(String clubId) {
        return series.ofClub(clubId).stream().map(this::view).toList();
    }

    // ---- STAFF ---------------------------------------------------------------------------------------------

    /**
     * Series waiting for a decision (REQUESTED) and running ones (APPROVED), side by side per room, weekday and hours
     * (competing requests next to each other, each with the days the other wants: {@link ClubSeries#competing()}),
     * oldest first within.
     */
    @PreAuthorize(LearningClubs.STAFF)
    public List<ClubSeries> forStaff() {
        List<StoredSeries> all = series.inStatus(EnumSet.of(SeriesStatus.REQUESTED, SeriesStatus.APPROVED));
        return all.stream().sorted(java.util.Comparator.comparing(StoredSeries::bookableId)
                        .thenComparing(StoredSeries::weekday).thenComparing(StoredSeries::start)
                        .thenComparing(StoredSeries::createdAt))
                .map(s -> view(s, competition.of(s, all))).toList();
    }

    /**
     * Approves a requested series and places each day's booking; on an approved series, places the days still
     * missing (after a crash, or once a slot is free again) and never one twice. A day whose slot is taken, closed or
     * meets a class planned since is listed in {@link ClubSeries#notPlaced()}.
     */
    @PreAuthorize(LearningClubs.STAFF)
    public ClubSeries approve(String seriesId) {
        StoredSeries s = series.find(seriesId).orElseThrow(() -> InvalidInputException.of("series", "validation.unknown"));
        String by = currentUser.require().getUsername();
        List<String> holders = s.status() != SeriesStatus.REQUESTED ? List.of() : competition.of(s).stream()
                .filter(c -> c.kind() == Clash.Kind.CLUB).map(Clash::reasonKo).distinct().toList();
        if (!holders.isEmpty()) { // another club's approved series holds the room on some of its days
            log.info("Series {} not approved by {}: {} holds the room on some of its days", s.id(), by, holders);
            throw InvalidInputException.of("series", "club.error.competing", String.join(", ", holders));
        }
        if (s.status() == SeriesStatus.REQUESTED && series.move(s.id(), EnumSet.of(SeriesStatus.REQUESTED),
                SeriesStatus.APPROVED, null, by, Instant.now(clock), true)) {
            log.info("Series {} approved by {}", s.id(), by);
        }
        // read again: another STAFF member may have approved (then this places what is missing) or refused it
        StoredSeries now = series.find(s.id()).orElseThrow();
        if (now.status() != SeriesStatus.APPROVED) {
            throw InvalidInputException.of("series", "club.error.decided");
        }
        StoredClub club = clubs.find(s.clubId()).orElseThrow();
        Bookable room = bookables.bookable(s.bookableId()).orElseThrow();
        StoredSeries placed = placement.place(now, club, room);
        mail.decided(placed, club, room); // once per series: approving again to book missing days adds no mail
        return view(placed);
    }

    /** Refuses a requested series with a reason its leader sees. */
    @PreAuthorize(LearningClubs.STAFF)
    public ClubSeries refuse(String seriesId, String reason) {
        String r = LearningClubs.checkedReason(reason);
        String by = currentUser.require().getUsername();
        if (seriesId == null || !series.move(seriesId, EnumSet.of(SeriesStatus.REQUESTED), SeriesStatus.REFUSED, r,
                by, Instant.now(clock), true)) {
            throw InvalidInputException.of("series", "club.error.decided");
        }
        log.info("Series {} refused by {}", seriesId, by);
        StoredSeries refused = series.find(seriesId).orElseThrow();
        clubs.find(refused.clubId()).ifPresent(club -> mail.decided(refused, club,
                bookables.bookable(refused.bookableId()).orElse(null)));
        return view(refused);
    }

    /** Ends an approved series early: its bookings that have not started are cancelled (as STAFF). */
    @PreAuthorize(LearningClubs.STAFF)
    public ClubSeries end(String seriesId) {
        String by = currentUser.require().getUsername();
        StoredSeries s = series.find(seriesId).orElseThrow(() -> InvalidInputException.of("series", "validation.unknown"));
        if (!series.move(seriesId, EnumSet.of(SeriesStatus.APPROVED, SeriesStatus.ENDED), SeriesStatus.ENDED, null, by,
                Instant.now(clock), true)) {
            throw InvalidInputException.of("series", "club.error.decided");
        }
        log.info("Series {} ended by {}", seriesId, by);
        placement.cancelFuture(s);
        StoredSeries ended = series.find(seriesId).orElseThrow();
        clubs.find(ended.clubId()).ifPresent(club -> mail.decided(ended, club,
                bookables.bookable(ended.bookableId()).orElse(null)));
        return view(ended);
    }

    private Bookable checked(SeriesDraft d, StoredClub club) {
        List<FieldProblem> problems = new ArrayList<>();
        if (club.status() != ClubStatus.APPROVED) {
            throw InvalidInputException.of("club", "club.error.notApproved");
        }
        Bookable room = d.bookableId() == null ? null : bookables.bookable(d.bookableId())
                .filter(b -> b.active() && b.kind() == BookableKind.CLUB_ROOM && b.branchId().equals(club.branchId()))
                .orElse(null);
        if (room == null) {
            problems.add(FieldProblem.of("bookableId", d.bookableId() == null ? "validation.required" : "club.error.room"));
        }
        if (d.weekday() == null) {
            problems.add(FieldProblem.of("weekday", "validation.required"));
        } else if (room != null && !room.rules().openDays().contains(d.weekday())) {
            problems.add(FieldProblem.of("weekday", "club.error.closedDay"));
        }
        if (d.start() == null) {
            problems.add(FieldProblem.of("start", "validation.required"));
        }
        if (d.end() == null) {
            problems.add(FieldProblem.of("end", "validation.required"));
        }
        if (d.start() != null && d.end() != null) {
            if (!d.end().isAfter(d.start())) {
                problems.add(FieldProblem.of("end", "validation.endBeforeStart"));
            } else if (room != null && (d.start().isBefore(room.rules().opens()) || d.end().isAfter(room.rules().closes())
                    || !onGrid(room, d.start()) || !onGrid(room, d.end()))) {
                problems.add(FieldProblem.of("start", "club.error.hours", room.rules().opens().toString(),
                        room.rules().closes().toString(), room.rules().slotMinutes()));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        if (d.firstDay() == null) {
            problems.add(FieldProblem.of("firstDay", "validation.required"));
        } else if (!d.firstDay().isAfter(today)) {
            problems.add(FieldProblem.of("firstDay", "club.error.fromTomorrow"));
        }
        if (d.lastDay() == null) {
            problems.add(FieldProblem.of("lastDay", "validation.required"));
        } else if (d.firstDay() != null && d.lastDay().isBefore(d.firstDay())) {
            problems.add(FieldProblem.of("lastDay", "validation.endBeforeStart"));
        } else if (d.firstDay() != null && d.lastDay().isAfter(d.firstDay().plusMonths(MAX_MONTHS))) {
            problems.add(FieldProblem.of("lastDay", "club.error.tooLong", MAX_MONTHS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return room;
    }

    private static boolean onGrid(Bookable room, java.time.LocalTime t) {
        long minutes = java.time.Duration.between(room.rules().opens(), t).toMinutes();
        return room.rules().slotMinutes() > 0 && minutes % room.rules().slotMinutes() == 0;
    }

    private ClubSeries view(StoredSeries s) {
        boolean open = s.status() == SeriesStatus.REQUESTED || s.status() == SeriesStatus.APPROVED;
        return view(s, open ? competition.of(s) : List.of());
    }

    private ClubSeries view(StoredSeries s, List<Clash> competing) {
        String name = clubs.find(s.clubId()).map(StoredClub::name).orElse(s.clubId());
        return new ClubSeries(s.id(), s.clubId(), name, s.branchId(), s.bookableId(), s.weekday(), s.start(), s.end(),
                s.firstDay(), s.lastDay(), s.status(), s.refusalReason(), s.placed(), s.notPlaced(), s.skipped(),
                s.createdAt(), competing);
    }
}
