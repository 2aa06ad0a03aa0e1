package org.baeum.enrollment.internal;

import org.baeum.base.domain.DecisionBatches;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.baeum.account.District;
import org.baeum.account.Participant;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who gets a seat now, in every recruitment phase (decision 0015). It does not check who
 * is asking: the public services do that first. A decision is a sequence of single-document steps, each leaving a
 * state that {@link Recovery} completes or undoes after a crash:
 * <ol>
 *   <li>places under the caps are taken ({@link CapPlaces});</li>
 *   <li>a seat is taken on the offering naming the new entry as holder, or a waitlist ticket is drawn;</li>
 *   <li>the entry is inserted (unique: one active entry per participant and offering, one per idempotency key);</li>
 *   <li>mail goes to the outbox.</li>
 * </ol>
 * Requests for one offering that arrive while a decision for it is being stored are decided together, in arrival
 * order, with the same steps: one update for all their seats or tickets, one insert for all their entries (decision
 * 0017, {@link DecisionBatches}).
 */
@Component
public class SeatDecider {

    private static final Logger log = LoggerFactory.getLogger(SeatDecider.class);
    private static final int MAX_ATTEMPTS = 8;
    /** How many waiting requests for one offering are decided together at most. */
    static final int MAX_BATCH = 64;

    /**
     * A request for a seat: who, for which offering, with which key, done by whom. {@code activeChecked}: the caller
     * has already looked for the participant's active entry in the offering; the unique {@code activeKey} still
     * refuses a second one that races past that look. {@code district}: the household's district as the caller read
     * it with the account (null: not known), kept in the entry's reporting facts.
     */
    public record Command(Offering offering, Participant participant, String idempotencyKey, String actorId,
                          boolean assisted, boolean activeChecked, District district) {

        public Command(Offering offering, Participant participant, String idempotencyKey, String actorId, boolean assisted,
                       District district) {
            this(offering, participant, idempotencyKey, actorId, assisted, false, district);
        }
    }

    private final EnrollmentRepository enrollments;
    private final SeatsAsSystem seats;
    private final CapPlaces caps;
    private final FeeQuotes fees;
    private final Confirmation confirmation;
    private final Waitlist waitlist;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final CrashPoints crash;
    private final EntryFacts facts;
    private final Clock clock;
    private final DecisionBatches<SeatRequest> batches = new DecisionBatches<>(MAX_BATCH);
    /** Offerings (by id) where this node last found no seat for first come; bounded, only a hint (see decide). */
    private final ConcurrentHashMap<String, Boolean> noSeatSeen = new ConcurrentHashMap<>();

    SeatDecider(EnrollmentRepository enrollments, SeatsAsSystem seats, CapPlaces caps, FeeQuotes fees,
                Confirmation confirmation, Waitlist waitlist, CatalogService catalog, ApplicationEventPublisher events,
                CrashPoints crash, EntryFacts facts, Clock clock) {
        this.enrollments = enrollments;
        this.seats = seats;
        this.caps = caps;
        this.fees = fees;
        this.confirmation = confirmation;
        this.waitlist = waitlist;
        this.catalog = catalog;
        this.events = events;
        this.crash = crash;
        this.facts = facts;
        this.clock = clock;
    }

    /** In one read: the household's first answer to this key, and the participant's active entry in the offering. */
    public EnrollmentRepository.Lookup lookup(String householdId, String key, OfferingId offering, String participantId) {
        return enrollments.findReplayOrActive(key == null ? null : EnrollmentRepository.idemKey(householdId, key),
                offering.value(), participantId);
    }

    /** The household's first answer to this key, if any. */
    public Optional<EnrollmentDocument> replay(String householdId, String key) {
        return key == null ? Optional.empty() : enrollments.findByIdemKey(EnrollmentRepository.idemKey(householdId, key));
    }

    /**
     * Enrols the participant if a seat is free for first come, else puts them on the waitlist (where they are
     * enrolled at once if the waitlist decides, a seat is free and they are first in line). The caller has already
     * looked for a replay of the key; a replay that races past that look is caught by the unique key of the entry and
     * gets the first answer too.
     *
     * @throws EnrollmentRefusedException when the window is not open for first come, or a cap refuses
     */
    public EnrollmentDocument enroll(Command c) {
        Offering o = c.offering();
        String household = c.participant().household().value();
        String idem = c.idempotencyKey() == null ? null : EnrollmentRepository.idemKey(household, c.idempotencyKey());
        Instant now = clock.instant();
        EligibilityCheck.window(o, now);
        String participantId = c.participant().id().value();
        if (!c.activeChecked() && enrollments.findActive(o.id().value(), participantId).isPresent()) {
            throw new EnrollmentRefusedException(Reason.ALREADY);
        }
        String id = EnrollmentRepository.newId();
        List<String> capKeys = caps.take(o, participantId, id, now);
        Fee fee = fees.fee(o, c.participant(), LocalDate.ofInstant(now, Formats.SEOUL));
        SeatRequest request = new SeatRequest(c, id, idem, fee, facts.of(o, c.participant(), c.district(), fee.reductionCode()));
        try {
            batches.decide(o.id().value(), request, this::decide);
            if (request.failure() != null) {
                throw request.failure();
            }
            if (request.refusal != null) {
                throw request.refusal;
            }
            return finish(request);
        } catch (RuntimeException e) {
            if (!request.stored) {
                caps.giveBack(capKeys, id);
            }
            throw e;
        }
    }

    /**
     * Decides for a batch of requests in one offering, in their order: as many as there are seats for first come get
     * one (one guarded update naming them all as holders), the others draw consecutive waitlist tickets (one guarded
     * update), then all entries are stored with one unordered insert. The claim and the join are complementary
     * guarded updates: at any instant at most one can succeed, so the order in which they are tried changes only how
     * many round trips a decision takes, never its outcome. A crash after the seats are taken leaves holders without
     * entries, which the recovery sweep gives back, exactly as for one request.
     */
    void decide(List<SeatRequest> batch) {
        OfferingId offering = batch.getFirst().command.offering().id();
        Instant now = clock.instant();
        List<SeatRequest> rest = batch;
        List<SeatRequest> placed = new ArrayList<>(batch.size());
        // Once this node has seen the offering without a seat for first come, it tries the join first (in a rush,
        // all but the first few requests).
        boolean claimNext = !noSeatSeen.containsKey(offering.value());
        int cycles = 0;
        while (!rest.isEmpty()) {
            if (claimNext) {
                int seated = claimSeats(offering, rest);
                if (seated > 0) {
                    noSeatSeen.remove(offering.value());
                    for (SeatRequest r : rest.subList(0, seated)) {
                        r.doc = NewEntries.enrolled(r.command, r.id, r.idem, r.fee, r.facts, now);
                        placed.add(r);
                    }
                    rest = rest.subList(seated, rest.size());
                    claimNext = false; // the claim took every seat it could see: the rest most likely wait
                    continue;
                }
                rememberNoSeat(offering);
            }
            Optional<SeatLedger.Seats> ticket = seats.join(offering, rest.size());
            if (ticket.isPresent()) {
                SeatLedger.Seats t = ticket.get();
                long firstTicket = t.waitlistSeq() - rest.size() + 1;
                int firstPosition = t.waitlistLength() - rest.size() + 1;
                for (int i = 0; i < rest.size(); i++) {
                    SeatRequest r = rest.get(i);
                    r.doc = NewEntries.waiting(r.command, r.id, r.idem, r.fee, r.facts, firstTicket + i, firstPosition + i,
                            now);
                    r.seats = t;
                    placed.add(r);
                }
                rest = List.of();
                break;
            }
            if (!claimNext) {
                claimNext = true; // the join found a seat for first come after all: claim it
                continue;
            }
            // neither: the window closed meanwhile, or the seats changed between the two guarded updates
            RuntimeException refusal = null;
            if (++cycles >= MAX_ATTEMPTS) {
                refusal = new IllegalStateException("No decision for " + offering.value() + " after " + cycles + " attempts");
            } else {
                try {
                    EligibilityCheck.window(catalog.offering(offering)
                            .orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED)), clock.instant());
                } catch (EnrollmentRefusedException closed) {
                    refusal = closed;
                }
            }
            if (refusal != null) {
                for (SeatRequest r : rest) {
                    r.refusal = refusal;
                }
                break;
            }
        }
        if (placed.isEmpty()) {
            return;
        }
        crash.reached(CrashPoints.Step.SEAT_TAKEN);
        Set<Integer> duplicates = enrollments.insertAll(placed.stream().map(r -> r.doc).toList());
        for (int i = 0; i < placed.size(); i++) {
            SeatRequest r = placed.get(i);
            r.duplicate = duplicates.contains(i);
            r.stored = !r.duplicate;
        }
        crash.reached(CrashPoints.Step.RECORD_WRITTEN);
    }

    /**
     * Takes seats for first come for the first of {@code rest}, as many as are free: all of them in one update when
     * enough are free, else, after reading how many are, that many.
     *
     * @return how many of {@code rest} (from the first) now hold a seat
     */
    private int claimSeats(OfferingId offering, List<SeatRequest> rest) {
        List<String> holders = rest.stream().map(r -> r.id).toList();
        Optional<SeatLedger.Seats> all = seats.claimAll(offering, holders);
        if (all.isPresent()) {
            rest.forEach(r -> r.seats = all.get());
            return rest.size();
        }
        if (rest.size() == 1) {
            return 0;
        }
        SeatLedger.Seats counters = seats.counters(offering).orElse(null);
        if (counters == null || counters.waitlistDecides() || counters.left() <= 0) {
            return 0;
        }
        int n = Math.min(counters.left(), rest.size() - 1);
        Optional<SeatLedger.Seats> some = seats.claimAll(offering, holders.subList(0, n));
        if (some.isEmpty()) {
            return 0;
        }
        rest.subList(0, n).forEach(r -> r.seats = some.get());
        return n;
    }

    /** What the requester's own thread does after the batch stored its entry: mail, events, the waitlist's turn. */
    EnrollmentDocument finish(SeatRequest r) {
        Command c = r.command;
        OfferingId offering = c.offering().id();
        if (r.duplicate) {
            if (r.doc.status() == EnrollmentStatus.ENROLLED) {
                seats.release(offering, r.id);
            } else {
                seats.waitlistShrank(offering, 1);
            }
            return duplicate(r.idem);
        }
        EnrollmentDocument doc = r.doc;
        String by = c.actorId() + (c.assisted() ? " (assisted)" : "");
        if (doc.status() == EnrollmentStatus.ENROLLED) {
            log.info("Enrolment {}: participant {} ENROLLED in {} by {}", r.id, c.participant().id().value(),
                    offering.value(), by);
            confirmation.enrolled(doc, c.offering());
            return doc;
        }
        log.info("Enrolment {}: participant {} WAITLISTED for {} at {} by {}", r.id, c.participant().id().value(),
                offering.value(), doc.positionAtJoin(), by);
        events.publishEvent(new EnrollmentEvents.WaitlistJoined(new EnrollmentId(r.id), offering, doc.positionAtJoin()));
        if (r.seats.left() > 0) {
            // the waitlist decides and a seat is free: whoever is first in line gets it (maybe this entry)
            waitlist.dispatch(offering, r.id);
            return enrollments.findById(r.id).orElse(doc);
        }
        return doc;
    }

    private void rememberNoSeat(OfferingId offering) {
        if (noSeatSeen.size() > 10_000) {
            noSeatSeen.clear();
        }
        noSeatSeen.put(offering.value(), Boolean.TRUE);
    }

    private EnrollmentDocument duplicate(String idem) {
        if (idem != null) {
            Optional<EnrollmentDocument> first = enrollments.findByIdemKey(idem);
            if (first.isPresent()) {
                return first.get();
            }
        }
        throw new EnrollmentRefusedException(Reason.ALREADY);
    }
}
