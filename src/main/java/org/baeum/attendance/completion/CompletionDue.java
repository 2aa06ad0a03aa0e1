package org.baeum.attendance.completion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baeum.attendance.completion.internal.CompletionDueRepository;
import org.baeum.attendance.completion.internal.CompletionDueRepository.Due;
import org.baeum.attendance.completion.internal.CompletionRepository;
import org.baeum.base.i18n.Formats;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogPage;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The completion sweep (decision 0035), run by the job {@code completion-sweep}: for each published offering of a
 * recent term, while it runs the warnings a missed event left out ({@link CompletionWarnings#check}), and once its
 * last session has ended and nobody confirmed it, its provisional completion and the due item in
 * {@code completion_due} (one document per offering), with one mail per instructor. {@link Completions#confirm}
 * clears it. Instructors read their open items here.
 */
@Service
public class CompletionDue {

    private static final Logger log = LoggerFactory.getLogger(CompletionDue.class);
    /** Terms that ended longer ago than this are not looked at any more. */
    static final int LOOK_BACK_DAYS = 120;

    private final Completions completions;
    private final CompletionWarnings warnings;
    private final CompletionDueRepository due;
    private final CompletionRepository stored;
    private final CompletionWarningMail mail;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;

    CompletionDue(Completions completions, CompletionWarnings warnings, CompletionDueRepository due,
                  CompletionRepository stored, CompletionWarningMail mail, CatalogService catalog,
                  CurrentUser currentUser, Clock clock) {
        this.completions = completions;
        this.warnings = warnings;
        this.due = due;
        this.stored = stored;
        this.mail = mail;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** An offering whose completion waits for its instructor. */
    public record DueCompletion(Offering offering, Instant dueSince, int participants, int completed) {
    }

    /** The calling instructor's offerings whose completion is due, oldest first. */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public List<DueCompletion> mine() {
        String me = currentUser.require().accountId();
        List<DueCompletion> out = new ArrayList<>();
        for (Due d : due.openFor(me)) {
            catalog.offering(new OfferingId(d.offeringId()))
                    .filter(o -> o.program().instructors().stream().anyMatch(i -> i.accountId().equals(me)))
                    .ifPresent(o -> out.add(new DueCompletion(o, d.dueSince(), d.participants(), d.completed())));
        }
        return out;
    }

    /** One run of the sweep over every published offering of the terms not long over. As the system only. */
    @PreAuthorize(SystemIdentity.ONLY)
    public JobRuns.Outcome sweep() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        int done = 0;
        int failed = 0;
        for (Term t : catalog.terms()) {
            if (t.endDate() != null && t.endDate().isBefore(today.minusDays(LOOK_BACK_DAYS))) {
                continue;
            }
            for (int page = 0; page <= CatalogQuery.lastPage(CatalogQuery.MAX_SIZE); page++) {
                CatalogPage<Offering> found = catalog.search(new CatalogQuery(null, null, null, null, null, null,
                        t.id(), null, null, null, false, null, page, CatalogQuery.MAX_SIZE));
                for (Offering o : found.items()) {
                    try {
                        done += sweep(o) ? 1 : 0;
                    } catch (RuntimeException e) {
                        failed++;
                        log.error("The completion sweep of offering {} failed; the next run tries again",
                                o.id().value(), e);
                    }
                }
                if (found.items().size() < CatalogQuery.MAX_SIZE) {
                    break;
                }
            }
        }
        return new JobRuns.Outcome(done, failed);
    }

    /** @return whether the offering was marked due now or any warning was mailed */
    @PreAuthorize(SystemIdentity.ONLY)
    public boolean sweep(Offering o) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<LocalDate> sessions = o.sessionDates();
        if (sessions.isEmpty() || sessions.getFirst().isAfter(today)) {
            return false;
        }
        if (clock.instant().isBefore(sessions.getLast().atTime(o.schedule().endTime()).atZone(Formats.SEOUL)
                .toInstant())) {
            return warnings.check(o.id(), null) > 0;
        }
        return markDue(o);
    }

    /** Marks an ended class due and asks its instructors, once; the figures are those of that moment. */
    private boolean markDue(Offering o) {
        String id = o.id().value();
        Due before = due.find(id).orElse(null);
        if (before != null && (before.clearedAt() != null || before.mailedAt() != null)) {
            return false; // confirmed, or due and asked already
        }
        if (stored.ofOffering(id).stream().anyMatch(s -> s.confirmedAt() != null)) {
            return false; // confirmed already
        }
        List<ParticipantProgress> progress = completions.progress(o.id());
        if (progress.isEmpty()) {
            return false; // nobody to confirm
        }
        int completed = (int) progress.stream().filter(p -> p.standing().completed()).count();
        List<String> instructors = o.program().instructors().stream().map(i -> i.accountId()).toList();
        if (!due.markDue(id, progress.size(), completed, instructors, clock.instant())) {
            return false; // cleared by a confirmation meanwhile
        }
        log.info("Completion of offering {} is due: {} of {} complete provisionally", id, completed, progress.size());
        mail.due(o, o.sessionDates().getLast(), progress.size(), completed);
        due.mailed(id, clock.instant());
        return true;
    }
}
