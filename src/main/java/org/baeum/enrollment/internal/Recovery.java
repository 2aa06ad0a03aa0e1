package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The recovery sweep: finishes or undoes what a crash left half done, older than {@code recoveryGrace}. A seat whose
 * holder has no entry holding it is given back; a holder whose entry holds it gets the steps after its record again;
 * a cap place of an entry that is not active is given back; free seats go to the waitlist. Endings cut off by a crash
 * are finished by their own task ({@link EnrollmentTasks}); one scan after each start finds those from before tasks.
 */
@Component
public class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final EnrollmentRepository enrollments;
    private final EnrollmentLists lists;
    private final TaskRepository tasks;
    private final SeatsAsSystem seats;
    private final CapPlaces caps;
    private final Endings endings;
    private final Waitlist waitlist;
    private final Confirmation confirmation;
    private final EnrollmentMail mail;
    private final CatalogService catalog;
    private final EnrollmentSettings settings;
    private final Clock clock;
    /** Whether this node has looked for flagged endings without a task since it started. */
    private volatile boolean legacyEndingsChecked;

    Recovery(EnrollmentRepository enrollments, EnrollmentLists lists, TaskRepository tasks, SeatsAsSystem seats, CapPlaces caps,
             Endings endings, Waitlist waitlist, Confirmation confirmation, EnrollmentMail mail, CatalogService catalog,
             EnrollmentSettings settings, Clock clock) {
        this.enrollments = enrollments;
        this.lists = lists;
        this.tasks = tasks;
        this.seats = seats;
        this.caps = caps;
        this.endings = endings;
        this.waitlist = waitlist;
        this.confirmation = confirmation;
        this.mail = mail;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many things it repaired */
    public int recover() {
        return SystemIdentity.call(this::recoverAsSystem);
    }

    private int recoverAsSystem() {
        Instant before = clock.instant().minus(settings.recoveryGrace());
        int repaired = 0;
        if (!legacyEndingsChecked) {
            repaired += legacyEndings(before);
        }
        for (OfferingId offering : seats.needingAttention(500)) {
            repaired += holders(offering, before);
            repaired += waitlist.dispatch(offering, null) > 0 ? 1 : 0;
        }
        repaired += caps.recover(before, holder -> enrollments.findById(holder).map(d -> !d.status().active()).orElse(true));
        return repaired;
    }

    /** Endings cut off before FINISH_ENDING tasks existed: one look (a scan) after each start suffices. */
    private int legacyEndings(Instant before) {
        int repaired = 0;
        List<EnrollmentDocument> flagged = lists.seatReleasePending(500);
        for (EnrollmentDocument e : flagged) {
            if (e.endedAt() != null && e.endedAt().isBefore(before)) {
                endings.finish(e);
                repaired++;
            } else { // maybe still under way: its task (added now if it was missing) finishes it if not
                tasks.schedule(TaskRepository.Kind.FINISH_ENDING, e.id(),
                        (e.endedAt() == null ? clock.instant() : e.endedAt()).plus(settings.recoveryGrace()));
            }
        }
        legacyEndingsChecked = flagged.size() < 500;
        return repaired;
    }

    /** Checks the offering's unconfirmed holders older than {@code before}. */
    private int holders(OfferingId offering, Instant before) {
        SeatLedger.Ledger ledger = seats.ledger(offering).orElse(null);
        if (ledger == null) {
            return 0;
        }
        int repaired = 0;
        for (SeatLedger.Holder h : ledger.holders()) {
            if (h.confirmed() || !h.at().isBefore(before)) {
                continue;
            }
            Optional<EnrollmentDocument> e = enrollments.findById(h.id());
            if (e.isPresent() && e.get().status().holdsSeat()) {
                afterRecord(e.get());
                seats.confirm(offering, h.id());
            } else if (seats.release(offering, h.id()).isPresent()) {
                log.warn("Recovery: seat in {} held by {} without an entry holding it (status {}); released",
                        offering.value(), h.id(), e.map(d -> d.status().name()).orElse("none"));
                repaired++;
            }
        }
        return repaired;
    }

    /** The steps after the record that a crash may have cut off, done again (each is idempotent). */
    private void afterRecord(EnrollmentDocument e) {
        Offering o = catalog.offering(new OfferingId(e.offeringId())).orElse(null);
        if (o == null) {
            return;
        }
        if (e.status() == EnrollmentStatus.ENROLLED) {
            confirmation.again(e, o);
        } else if (e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null) {
            tasks.schedule(TaskRepository.Kind.OFFER_EXPIRY, e.id(), e.offerExpiresAt());
            mail.offer(e, o, e.offerExpiresAt());
        }
    }
}
