package org.baeum.booking.internal;


import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.baeum.account.AccountMarks;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.NoShowRule;
import org.baeum.booking.Standing;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No-show marks and the ban they cause (decision 0042). A ban is computed from the marks when asked, never stored:
 * {@code marks} marks whose first and last lie less than {@code windowDays} apart ban online booking from the day of
 * the last of them for {@code banDays} days (that day included), so the ban ends on time without a job.
 */
@Component
class NoShows {

    private static final Logger log = LoggerFactory.getLogger(NoShows.class);

    private final NoShowStore store;
    private final Clock clock;
    private final AccountMarks accountMarks;

    NoShows(NoShowStore store, Clock clock, AccountMarks accountMarks) {
        this.store = store;
        this.clock = clock;
        this.accountMarks = accountMarks;
    }

    NoShowRule rule() {
        return store.rule();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    /**
     * Marks the participant of a booking released as a no-show; once per booking. The booker's and the participant's
     * accounts are told first (decision 0065), so an account that says it never had a mark is right.
     */
    void mark(Document booking) {
        List<String> accounts = java.util.stream.Stream.of(booking.getString("accountId"), booking.getString("participantId"))
                .filter(java.util.Objects::nonNull).distinct().toList();
        SystemIdentity.run(() -> accountMarks.noShowMarked(accounts));
        if (store.mark(booking.getString("_id"), booking.getString("participantId"), booking.getString("accountId"),
                LocalDate.parse(booking.getString("date")), clock.instant())) {
            log.info("No-show mark for booking {} (participant {})", booking.getString("_id"),
                    booking.getString("participantId"));
        }
    }

    /** The last day of the participant's ban (inclusive), or null when they may book. */
    LocalDate bannedThrough(String participantId) {
        if (accountMarks.neverMarkedNoShow(participantId)) {
            // the caller's own account, as this request read it, never had a mark: no read (decision 0065)
            return null;
        }
        NoShowRule rule = rule();
        LocalDate today = today();
        return bannedThrough(store.marksFrom(participantId, earliest(rule, today)), rule, today);
    }

    Standing standing(String participantId) {
        NoShowRule rule = rule();
        LocalDate today = today();
        List<LocalDate> marks = store.marksFrom(participantId, earliest(rule, today));
        LocalDate windowStart = today.minusDays(rule.windowDays() - 1L);
        return new Standing(participantId, marks.stream().filter(d -> !d.isBefore(windowStart)).toList(),
                bannedThrough(marks, rule, today), rule);
    }

    private static LocalDate earliest(NoShowRule rule, LocalDate today) {
        return today.minusDays((long) rule.windowDays() + rule.banDays());
    }

    /** The rule applied to mark days in order: the latest ban end still reaching today, or null. */
    static LocalDate bannedThrough(List<LocalDate> marks, NoShowRule rule, LocalDate today) {
        LocalDate through = null;
        for (int i = rule.marks() - 1; i < marks.size(); i++) {
            LocalDate first = marks.get(i - (rule.marks() - 1));
            LocalDate last = marks.get(i);
            if (ChronoUnit.DAYS.between(first, last) < rule.windowDays()) {
                LocalDate end = last.plusDays(rule.banDays() - 1L);
                if (through == null || end.isAfter(through)) {
                    through = end;
                }
            }
        }
        return through != null && !through.isBefore(today) ? through : null;
    }

    /** Checks a new rule per field and stores it. */
    NoShowRule change(NoShowRule rule, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rule == null) {
            throw InvalidInputException.of("marks", "validation.required");
        }
        range(problems, "marks", rule.marks(), 1, 20);
        range(problems, "windowDays", rule.windowDays(), 1, 366);
        range(problems, "banDays", rule.banDays(), 1, 366);
        range(problems, "graceMinutes", rule.graceMinutes(), 5, 120);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NoShowRule before = store.rule();
        store.save(rule, by, clock.instant());
        log.info("No-show rule changed by {}: {} -> {}", by, before, rule);
        return rule;
    }

    static void range(List<FieldProblem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(FieldProblem.of(field, "booking.validation.range", min, max));
        }
    }
}
