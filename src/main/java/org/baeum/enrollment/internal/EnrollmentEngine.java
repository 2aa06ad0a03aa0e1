package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReduction;
import org.baeum.account.Participant;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Closure;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.CapRule;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.OfferingRules;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.RefundPolicy;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who gets a seat now (decision 0015), and every status change after that. It does not
 * check who is asking: {@code EnrollmentService} does that first. Each command is a sequence of single-document
 * steps, each leaving a state that the recovery sweep ({@link #recover()}) completes or undoes after a crash:
 * <ol>
 *   <li>a seat is taken on the offering naming the new entry as holder ({@link SeatLedger#claim}), or a waitlist
 *   ticket is drawn ({@link SeatLedger#join});</li>
 *   <li>the entry is inserted (unique: one active entry per participant and offering, one per idempotency key);</li>
 *   <li>mail is added to the outbox.</li>
 * </ol>
 * A holder without an entry that holds a seat is released by the sweep; a seat that an ended entry still holds
 * ({@code seatReleasePending}) too. Freed seats go to the waitlist in order ({@link #dispatch}).
 *
 * <p>Enrolments for one offering that arrive while a decision for it is being stored are decided together, in
 * arrival order, with the same steps: one update for all their seats or tickets, one insert for all their entries
 * (decision 0017, {@link DecisionBatches}).
 */
@Component
public class EnrollmentEngine {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentEngine.class);
    private static final int MAX_ATTEMPTS = 8;
    public static final String SYSTEM = "system";
    /** The reason of endings caused by the holder deleting their account. */
    public static final String ACCOUNT_DELETED = "enrollment.reason.accountDeleted";

    /**
     * A command: who, for which offering, with which key, done by whom. {@code activeChecked}: the caller has already
     * looked for the participant's active entry in the offering ({@link #lookup}); the unique {@code activeKey} still
     * refuses a second one that races past that look.
     */
    public record Command(Offering offering, Participant participant, String idempotencyKey, String actorId,
                          boolean assisted, boolean activeChecked) {

        public Command(Offering offering, Participant participant, String idempotencyKey, String actorId, boolean assisted) {
            this(offering, participant, idempotencyKey, actorId, assisted, false);
        }
    }

    private final EnrollmentRepository enrollments;
    private final TaskRepository tasks;
    private final CapRepository caps;
    private final OfferingRulesRepository offeringRules;
    private final SeatsAsSystem seats;
    private final CatalogService catalog;
    private final EligibilityService eligibility;
    private final org.baeum.account.HouseholdService households;
    private final EnrollmentMail mail;
    private final ApplicationEventPublisher events;
    private final EnrollmentSettings settings;
    private final CrashPoints crash;
    private final Clock clock;

    EnrollmentEngine(EnrollmentRepository enrollments, TaskRepository tasks, CapRepository caps,
                     OfferingRulesRepository offeringRules, SeatLedger seats, CatalogService catalog,
                     EligibilityService eligibility, org.baeum.account.HouseholdService households, EnrollmentMail mail, ApplicationEventPublisher events,
                     EnrollmentSettings settings, CrashPoints crash, Clock clock) {
        this.enrollments = enrollments;
        this.tasks = tasks;
        this.caps = caps;
        this.offeringRules = offeringRules;
        this.seats = new SeatsAsSystem(seats);
        this.catalog = catalog;
        this.eligibility = eligibility;
        this.households = households;
        this.mail = mail;
        this.events = events;
        this.settings = settings;
        this.crash = crash;
        this.clock = clock;
    }

    // ---- enrol ---------------------------------------------------------------------------------------

    public static String idemKey(String householdId, String key) {
        return householdId + "|" + key;
    }

    public Optional<EnrollmentDocument> replay(String householdId, String key) {
        return key == null ? Optional.empty() : enrollments.findByIdemKey(idemKey(householdId, key));
    }

    /** In one read: the household's first answer to this key, and the participant's active entry in the offering. */
    public EnrollmentRepository.Lookup lookup(String householdId, String key, OfferingId offering, String participantId) {
        return enrollments.findReplayOrActive(key == null ? null : idemKey(householdId, key), offering.value(), participantId);
    }

    /**
     * Enrols the participant if a seat is free for first come, else puts them on the waitlist (where they are
     * enrolled at once if the waitlist decides, a seat is free and they are first in line). The caller has already
     * looked for a replay of the key ({@link #replay}, before its own checks, so that a replay gets the first answer
     * even after the window closed); a replay that races past that check is caught by the unique key of the entry and
     * gets the first answer too.
     *
     * @throws EnrollmentRefusedException when the window is not open or a rule refuses
     */
    public EnrollmentDocument enrol(Command c) {
        Offering o = c.offering();
        String household = c.participant().household().value();
        String idem = c.idempotencyKey() == null ? null : idemKey(household, c.idempotencyKey());
        Instant now = clock.instant();
        checkWindow(o, now);
        String participantId = c.participant().id().value();
        if (!c.activeChecked() && enrollments.findActive(o.id().value(), participantId).isPresent()) {
            throw new EnrollmentRefusedException(Reason.ALREADY);
        }
        String id = newId();
        List<String> capKeys = takeCaps(o, participantId, id, now);
        Request request = new Request(c, id, idem, fee(o, c.participant(), LocalDate.ofInstant(now, Formats.SEOUL)));
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
                capKeys.forEach(k -> caps.give(k, id));
            }
            throw e;
        }
    }

    /** An enrolment waiting for its seat decision, and what the decision gave it. */
    static final class Request extends DecisionBatches.Waiting {
        final Command command;
        final String id;
        final String idem;
        final Fee fee;
        /** The entry as decided (ENROLLED or WAITLISTED), null while undecided or when refused. */
        EnrollmentDocument doc;
        /** The seat counters right after this entry's seat or ticket was taken. */
        SeatLedger.Seats seats;
        /** The entry is stored. */
        boolean stored;
        /** The entry was refused by a unique key (a second active entry, or a replayed key that raced). */
        boolean duplicate;
        /** Why no seat or ticket could be taken (the window closed meanwhile). */
        RuntimeException refusal;

        Request(Command command, String id, String idem, Fee fee) {
            this.command = command;
            this.id = id;
            this.idem = idem;
            this.fee = fee;
        }
    }

    /** How many waiting enrolments for one offering are decided together at most. */
    static final int MAX_BATCH = 64;

    private final DecisionBatches<Request> batches = new DecisionBatches<>(MAX_BATCH);

    /**
     * Decides for a batch of enrolments in one offering, in their order: as many as there are seats for first come
     * get one (one guarded update naming them all as holders), the others draw consecutive waitlist tickets (one
     * guarded update), then all entries are stored with one unordered insert. The claim and the join are
     * complementary guarded updates: at any instant at most one can succeed, so the order in which they are tried
     * changes only how many round trips a decision takes, never its outcome. A crash after the seats are taken leaves
     * holders without entries, which the recovery sweep gives back, exactly as for one enrolment.
     */
    void decide(List<Request> batch) {
        OfferingId offering = batch.getFirst().command.offering().id();
        Instant now = clock.instant();
        List<Request> rest = batch;
        List<Request> placed = new ArrayList<>(batch.size());
        // Once this node has seen the offering without a seat for first come, it tries the join first (in a rush,
        // all but the first few requests).
        boolean claimNext = !noSeatSeen.containsKey(offering.value());
        int cycles = 0;
        while (!rest.isEmpty()) {
            if (claimNext) {
                int seated = claimSeats(offering, rest);
                if (seated > 0) {
                    noSeatSeen.remove(offering.value());
                    for (Request r : rest.subList(0, seated)) {
                        r.doc = enrolled(r.command, r.id, r.idem, r.fee, now);
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
                    Request r = rest.get(i);
                    r.doc = waiting(r.command, r.id, r.idem, r.fee, firstTicket + i, firstPosition + i, now);
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
                    checkWindow(catalog.offering(offering).orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED)),
                            clock.instant());
                } catch (EnrollmentRefusedException closed) {
                    refusal = closed;
                }
            }
            if (refusal != null) {
                for (Request r : rest) {
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
            Request r = placed.get(i);
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
    private int claimSeats(OfferingId offering, List<Request> rest) {
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
    EnrollmentDocument finish(Request r) {
        Command c = r.command;
        OfferingId offering = c.offering().id();
        if (r.duplicate) {
            if (r.doc.status() == EnrollmentStatus.ENROLLED) {
                seats.release(offering, r.id);
            } else {
                seats.waitlistShrank(offering, 1);
            }
            return duplicate(c, r.idem);
        }
        EnrollmentDocument doc = r.doc;
        if (doc.status() == EnrollmentStatus.ENROLLED) {
            log.info("Enrolment {}: participant {} ENROLLED in {} by {}{}", r.id, c.participant().id().value(),
                    offering.value(), c.actorId(), c.assisted() ? " (assisted)" : "");
            afterEnrolled(doc, c.offering());
            events.publishEvent(new EnrollmentEvents.Enrolled(new org.baeum.enrollment.EnrollmentId(r.id), offering,
                    c.participant().id()));
            return doc;
        }
        log.info("Enrolment {}: participant {} WAITLISTED for {} at {} by {}{}", r.id, c.participant().id().value(),
                offering.value(), doc.positionAtJoin(), c.actorId(), c.assisted() ? " (assisted)" : "");
        events.publishEvent(new EnrollmentEvents.WaitlistJoined(new org.baeum.enrollment.EnrollmentId(r.id),
                offering, doc.positionAtJoin()));
        if (r.seats.left() > 0) {
            // the waitlist decides and a seat is free: whoever is first in line gets it (maybe this entry)
            dispatch(offering, r.id);
            return enrollments.findById(r.id).orElse(doc);
        }
        return doc;
    }

    /** Offerings (by id) where this node last found no seat for first come; bounded, only a hint (see decide). */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> noSeatSeen = new java.util.concurrent.ConcurrentHashMap<>();

    private void rememberNoSeat(OfferingId offering) {
        if (noSeatSeen.size() > 10_000) {
            noSeatSeen.clear();
        }
        noSeatSeen.put(offering.value(), Boolean.TRUE);
    }

    private EnrollmentDocument duplicate(Command c, String idem) {
        if (idem != null) {
            Optional<EnrollmentDocument> first = enrollments.findByIdemKey(idem);
            if (first.isPresent()) {
                return first.get();
            }
        }
        throw new EnrollmentRefusedException(Reason.ALREADY);
    }

    private static void checkWindow(Offering o, Instant now) {
        if (o.publication() != Publication.PUBLISHED) {
            throw new EnrollmentRefusedException(Reason.CLOSED);
        }
        if (now.isBefore(o.recruitment().opensAt())) {
            throw new EnrollmentRefusedException(Reason.NOT_OPEN, o.recruitment().opensAt());
        }
        if (!now.isBefore(o.recruitment().closesAt())) {
            throw new EnrollmentRefusedException(Reason.CLOSED);
        }
    }

    /** Takes a place under every cap rule that applies; refuses (giving back what it took) when one is full. */
    private List<String> takeCaps(Offering o, String participantId, String id, Instant now) {
        List<String> taken = new ArrayList<>();
        for (CapRule rule : caps.rules()) {
            if (!rule.appliesTo(o.program().audience(), o.program().domain())) {
                continue;
            }
            String key = CapRepository.key(participantId, o.termId().value(), rule.id());
            if (!caps.take(key, rule.max(), id, now)) {
                taken.forEach(k -> caps.give(k, id));
                throw new EnrollmentRefusedException(Reason.CAP_REACHED, rule.max());
            }
            taken.add(key);
        }
        return taken;
    }

    private void giveCaps(EnrollmentDocument e) {
        for (CapRule rule : caps.rules()) {
            caps.give(CapRepository.key(e.participantId(), e.termId(), rule.id()), e.id());
        }
    }

    /** The fee for the participant on a day: the best verified reduction if the program allows reductions. */
    public Fee fee(Offering o, Participant p, LocalDate day) {
        long base = o.program().fee();
        if (base == 0) {
            return Fee.FREE;
        }
        if (!o.program().feeReductionsApply()) {
            return Fee.full(base);
        }
        Optional<FeeReduction> best = eligibility.bestReductionFor(p, day);
        return best.map(r -> Fee.reduced(base, r.category(), r.nameKo(), r.nameEn(), r.ratePercent()))
                .orElse(Fee.full(base));
    }

    private EnrollmentDocument enrolled(Command c, String id, String idem, Fee fee, Instant now) {
        return document(c, id, idem, fee, EnrollmentStatus.ENROLLED, null, null, null, now, now,
                new HistoryItem(now, "ENROLLED", c.actorId(), null));
    }

    private EnrollmentDocument waiting(Command c, String id, String idem, Fee fee, long ticket, int position, Instant now) {
        return document(c, id, idem, fee, EnrollmentStatus.WAITLISTED, ticket, (double) ticket, position, now, null,
                new HistoryItem(now, "WAITLISTED", c.actorId(), Integer.toString(position)));
    }

    private static EnrollmentDocument document(Command c, String id, String idem, Fee fee, EnrollmentStatus status,
                                               Long ticket, Double rank, Integer position, Instant now,
                                               Instant enrolledAt, HistoryItem first) {
        Offering o = c.offering();
        Participant p = c.participant();
        return new EnrollmentDocument(id, o.id().value(), o.termId().value(), o.program().titleKo(),
                o.program().titleEn(), p.id().value(), p.household().value(), p.name(), status,
                EnrollmentRepository.activeKey(o.id().value(), p.id().value()), idem, ticket, rank, position, null, null,
                fee.base(), fee.reductionCode(), fee.reductionNameKo(), fee.reductionNameEn(), fee.reductionPercent(),
                fee.amount(), fee.amount() == 0 ? PaymentState.WAIVED : PaymentState.UNPAID, 0, now, enrolledAt, null,
                null, c.actorId(), c.assisted(), null, List.of(first));
    }

    private void afterEnrolled(EnrollmentDocument doc, Offering o) {
        schedulePayment(doc);
        mail.enrolled(doc, o);
        crash.reached(CrashPoints.Step.MAIL_QUEUED);
    }

    // ---- the waitlist ----------------------------------------------------------------------------------

    /**
     * Offers free seats to the people waiting, first in line first, one held seat each, until no seat is free or no
     * one waits. Runs as the system (it writes to other households). An entry is offered at most once: the offer is a
     * guarded WAITLISTED → OFFERED change. {@code autoAccept} is an entry that asked for a seat just now: if it is the
     * one offered, it is enrolled at once.
     *
     * @return how many offers (or direct enrolments) were made
     */
    public int dispatch(OfferingId offeringId, String autoAccept) {
        return SystemIdentity.call(() -> dispatchAsSystem(offeringId, autoAccept));
    }

    private int dispatchAsSystem(OfferingId offeringId, String autoAccept) {
        Offering o = catalog.offering(offeringId).orElse(null);
        if (o == null || o.publication() != Publication.PUBLISHED || o.sessionDates().isEmpty()) {
            return 0;
        }
        int made = 0;
        for (int round = 0; round < 10_000; round++) {
            Instant now = clock.instant();
            SeatLedger.Ledger ledger = seats.ledger(offeringId).orElse(null);
            if (ledger == null || ledger.seats().left() <= 0) {
                break;
            }
            Instant deadline = offerDeadline(o, now);
            if (deadline == null) {
                log.info("Offering {}: {} free seat(s) but too late for offers", offeringId.value(), ledger.seats().left());
                break;
            }
            boolean progressed = false;
            for (EnrollmentDocument next : enrollments.waiting(offeringId.value(), 20)) {
                if (seats.hold(offeringId, next.id()).isEmpty()) {
                    if (seats.ledger(offeringId).map(l -> l.seats().left() <= 0).orElse(true)) {
                        return made;
                    }
                    continue; // someone else is offering this entry a seat right now
                }
                crash.reached(CrashPoints.Step.SEAT_TAKEN);
                Optional<EnrollmentDocument> offered = enrollments.transition(next.id(), EnrollmentStatus.WAITLISTED,
                        combine(set("status", EnrollmentStatus.OFFERED.name()), set("offeredAt", now),
                                set("offerExpiresAt", deadline)),
                        new HistoryItem(now, "OFFERED", SYSTEM, Formats.timestamp(deadline)));
                if (offered.isEmpty()) {
                    seats.release(offeringId, next.id()); // they left meanwhile
                    continue;
                }
                crash.reached(CrashPoints.Step.RECORD_WRITTEN);
                seats.waitlistShrank(offeringId, 1);
                made++;
                progressed = true;
                if (next.id().equals(autoAccept)) {
                    accept(next.id(), next.householdId());
                } else {
                    tasks.schedule(TaskRepository.Kind.OFFER_EXPIRY, next.id(), deadline);
                    Instant remind = deadline.minus(settings.offerReminderBefore());
                    if (remind.isAfter(now.plus(settings.offerReminderBefore()))) {
                        tasks.schedule(TaskRepository.Kind.OFFER_REMINDER, next.id(), remind);
                    }
                    mail.offer(offered.get(), o, deadline);
                    crash.reached(CrashPoints.Step.MAIL_QUEUED);
                    log.info("Enrolment {}: seat in {} offered to participant {} until {}", next.id(),
                            offeringId.value(), next.participantId(), deadline);
                    events.publishEvent(new EnrollmentEvents.OfferMade(new org.baeum.enrollment.EnrollmentId(next.id()),
                            offeringId, deadline));
                }
                break;
            }
            if (!progressed) {
                break;
            }
        }
        return made;
    }

    /**
     * When an offer made now ends: the offering's hold (or the default), but never later than
     * {@code offerEndsBeforeStart} before the first session, and ending before a closure of the branch that starts
     * in the meantime. Null when no offer can be made any more.
     */
    public Instant offerDeadline(Offering o, Instant now) {
        Duration hold = offeringRules.find(o.id().value()).map(OfferingRules::offerHold).orElse(null);
        Instant deadline = now.plus(hold == null ? settings.offerHold() : hold);
        Instant limit = firstStart(o).minus(settings.offerEndsBeforeStart());
        if (deadline.isAfter(limit)) {
            deadline = limit;
        }
        LocalDate today = LocalDate.ofInstant(now, Formats.SEOUL);
        for (Closure closure : catalog.closuresFrom(today)) {
            if (!closure.appliesTo(o.program().branchId().value()) || !closure.firstDay().isAfter(today)) {
                continue;
            }
            Instant closes = closure.firstDay().atStartOfDay(Formats.SEOUL).toInstant();
            if (deadline.isAfter(closes)) {
                deadline = closes;
            }
        }
        return deadline.isAfter(now.plus(Duration.ofMinutes(30))) ? deadline : null;
    }

    public static Instant firstStart(Offering o) {
        return LocalDateTime.of(o.sessionDates().getFirst(), o.schedule().startTime()).atZone(Formats.SEOUL).toInstant();
    }

    /**
     * What accepting this offer charges (and what it shows while it runs): the fee kept on the entry, which the
     * citizen was shown when joining the waitlist, unless the fee worked out on {@code now}'s day is lower (a
     * reduction verified meanwhile). A reduction that lapsed meanwhile never raises it.
     */
    public Fee offerFee(EnrollmentDocument e, Offering o, Instant now) {
        Fee kept = new Fee(e.baseFee(), e.reductionCode(), e.reductionNameKo(), e.reductionNameEn(), e.reductionPercent(),
                e.amount());
        Participant participant = systemCall(() -> participantOf(e));
        if (participant == null) {
            return kept;
        }
        Fee today = systemCall(() -> fee(o, participant, LocalDate.ofInstant(now, Formats.SEOUL)));
        return today.amount() < kept.amount() ? today : kept;
    }

    /** OFFERED → ENROLLED while the offer runs, charging {@link #offerFee}. */
    public EnrollmentDocument accept(String id, String by) {
        EnrollmentDocument e = enrollments.findById(id).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        if (e.status() == EnrollmentStatus.ENROLLED) {
            return e;
        }
        Instant now = clock.instant();
        Offering o = catalog.offering(new OfferingId(e.offeringId())).orElseThrow();
        Fee fee = offerFee(e, o, now);
        Bson change = combine(set("status", EnrollmentStatus.ENROLLED.name()), set("enrolledAt", now),
                unset("offerExpiresAt"), set("baseFee", fee.base()), set("reductionCode", fee.reductionCode()),
                set("reductionNameKo", fee.reductionNameKo()), set("reductionNameEn", fee.reductionNameEn()),
                set("reductionPercent", fee.reductionPercent()), set("amount", fee.amount()),
                set("payment", (fee.amount() == 0 ? PaymentState.WAIVED : PaymentState.UNPAID).name()));
        EnrollmentDocument done = enrollments.transition(id, EnrollmentStatus.OFFERED, gt("offerExpiresAt", now), change,
                new HistoryItem(now, "ACCEPTED", by, null)).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        log.info("Enrolment {}: offer in {} accepted by {}", id, e.offeringId(), by);
        afterEnrolled(done, o);
        events.publishEvent(new EnrollmentEvents.Enrolled(new org.baeum.enrollment.EnrollmentId(id),
                o.id(), new org.baeum.account.ParticipantId(e.participantId())));
        return done;
    }

    private Participant participantOf(EnrollmentDocument e) {
        try {
            return households.participant(new org.baeum.account.ParticipantId(e.participantId()));
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    // ---- endings -------------------------------------------------------------------------------------

    /**
     * Ends an offer whose deadline has passed, as the expiry task would, when someone looks at it before the task
     * has run (the sweep runs every 30 s): the citizen never sees an offer they can no longer accept, and the next
     * in line gets the seat at once. Guarded like the task (still OFFERED, deadline passed), so whichever comes
     * second does nothing. Runs as the system.
     *
     * @return the entry as it is now
     */
    public EnrollmentDocument expireIfLapsed(EnrollmentDocument e) {
        Instant now = clock.instant();
        if (e.status() != EnrollmentStatus.OFFERED || e.offerExpiresAt() == null || now.isBefore(e.offerExpiresAt())) {
            return e;
        }
        return SystemIdentity.call(() -> {
            try {
                return endHolding(e, EnrollmentStatus.EXPIRED, "enrollment.reason.expired", SYSTEM, null,
                        lte("offerExpiresAt", now));
            } catch (EnrollmentRefusedException changed) {
                // the expiry task or an answer came first
                return enrollments.findById(e.id()).orElse(e);
            }
        });
    }

    /**
     * Ends an entry that holds a seat (cancel, decline, withdrawal by staff, expiry, non-payment), mails the citizen
     * what happened and offers the seat to the waitlist.
     */
    public EnrollmentDocument endHolding(EnrollmentDocument e, EnrollmentStatus to, String reasonKey, String by,
                                        String note, Bson guard) {
        Instant now = clock.instant();
        Offering o = catalog.offering(new OfferingId(e.offeringId())).orElseThrow();
        long refund = 0;
        Bson change = combine(set("status", to.name()), set("endedAt", now), set("endReason", reasonKey),
                unset("activeKey"), unset("offerExpiresAt"), set("seatReleasePending", true));
        if (e.status() == EnrollmentStatus.ENROLLED && e.payment() == PaymentState.PAID) {
            refund = new RefundPolicy(settings.refundDeductionPercent()).refund(e.amount(), sessionStarts(o), now);
            change = combine(change, set("refundAmount", refund), set("payment", PaymentState.REFUNDED.name()));
        }
        // the sweep's handle on this ending if the portal stops before the seat is back and the mail is out
        tasks.schedule(TaskRepository.Kind.FINISH_ENDING, e.id(), now.plus(settings.recoveryGrace()));
        EnrollmentDocument ended = (guard == null
                ? enrollments.transition(e.id(), e.status(), change, new HistoryItem(now, to.name(), by, note))
                : enrollments.transition(e.id(), e.status(), guard, change, new HistoryItem(now, to.name(), by, note)))
                .orElse(null);
        if (ended == null) {
            tasks.cancel(TaskRepository.Kind.FINISH_ENDING, e.id());
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
        crash.reached(CrashPoints.Step.RECORD_WRITTEN);
        systemRun(() -> seats.release(o.id(), ended.id()));
        crash.reached(CrashPoints.Step.SEAT_RELEASED);
        giveCaps(ended);
        log.info("Enrolment {}: {} -> {} by {} ({}), refund {}", e.id(), e.status(), to, by, reasonKey, refund);
        mailEnding(ended, o, note);
        crash.reached(CrashPoints.Step.MAIL_QUEUED);
        // the flag and the task stay until seat and mail are done, so that the sweep finishes both after a crash
        enrollments.clearSeatReleasePending(ended.id());
        tasks.cancel(TaskRepository.Kind.FINISH_ENDING, ended.id());
        events.publishEvent(new EnrollmentEvents.SeatReleased(new org.baeum.enrollment.EnrollmentId(e.id()), o.id(), to));
        dispatch(o.id(), null);
        return ended;
    }

    /** The mail that tells the citizen how their entry ended (added once: each has its key per entry). */
    private void mailEnding(EnrollmentDocument ended, Offering o, String note) {
        switch (ended.status()) {
            case DECLINED -> {
                if (!ACCOUNT_DELETED.equals(ended.endReason())) { // nobody said no: the account is going
                    mail.declined(ended, o);
                }
            }
            case WITHDRAWN -> mail.withdrawn(ended, o, note);
            case EXPIRED -> mail.expired(ended, o);
            default -> mail.cancelled(ended, o, ended.endReason(), note);
        }
    }

    /** The note recorded with the entry's ending (staff's reason), if any. */
    private static String endingNote(EnrollmentDocument ended) {
        List<HistoryItem> history = ended.history() == null ? List.of() : ended.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (ended.status().name().equals(history.get(i).what())) {
                return history.get(i).note();
            }
        }
        return null;
    }

    /** WAITLISTED → LEFT. */
    public EnrollmentDocument leave(EnrollmentDocument e, String by, String note) {
        Instant now = clock.instant();
        EnrollmentDocument left = enrollments.transition(e.id(), EnrollmentStatus.WAITLISTED,
                combine(set("status", EnrollmentStatus.LEFT.name()), set("endedAt", now), unset("activeKey")),
                new HistoryItem(now, "LEFT", by, note)).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        systemRun(() -> seats.waitlistShrank(new OfferingId(e.offeringId()), 1));
        giveCaps(left);
        log.info("Enrolment {}: left the waitlist of {} ({})", e.id(), e.offeringId(), by);
        return left;
    }

    static List<Instant> sessionStarts(Offering o) {
        return o.sessionDates().stream()
                .map(d -> LocalDateTime.of(d, o.schedule().startTime()).atZone(Formats.SEOUL).toInstant()).toList();
    }

    // ---- payment -------------------------------------------------------------------------------------

    /** Schedules the payment reminder and deadline of an unpaid enrolment, when its offering has a deadline. */
    public void schedulePayment(EnrollmentDocument e) {
        if (e.status() != EnrollmentStatus.ENROLLED || e.payment() != PaymentState.UNPAID || e.amount() == 0) {
            return;
        }
        Instant deadline = offeringRules.find(e.offeringId()).map(OfferingRules::paymentDeadline).orElse(null);
        if (deadline == null) {
            return;
        }
        Instant payBy = payBy(e, deadline);
        tasks.schedule(TaskRepository.Kind.PAYMENT_DUE, e.id(), payBy);
        Instant remind = payBy.minus(settings.paymentReminderBefore());
        if (remind.isAfter(clock.instant())) {
            tasks.schedule(TaskRepository.Kind.PAYMENT_REMINDER, e.id(), remind);
        }
    }

    /** The offering's deadline, or later for who enrolled close to it: at least {@code latePaymentGrace} to pay. */
    public Instant payBy(EnrollmentDocument e, Instant deadline) {
        Instant earliest = (e.enrolledAt() == null ? clock.instant() : e.enrolledAt()).plus(settings.latePaymentGrace());
        return deadline.isBefore(earliest) ? earliest : deadline;
    }

    // ---- due work and recovery ----------------------------------------------------------------------

    /** Runs due tasks (offer expiry and reminders, payment reminders and deadlines). */
    public int runDueTasks(String owner) {
        int done = 0;
        for (Object id : tasks.dueIds(500)) {
            Optional<TaskRepository.Task> claimed = tasks.claim(id, owner);
            if (claimed.isEmpty()) {
                continue;
            }
            TaskRepository.Task task = claimed.get();
            try {
                SystemIdentity.run(() -> runTask(task));
                tasks.complete(task.id(), owner);
                done++;
            } catch (RuntimeException e) {
                log.warn("Enrolment task {} failed, retrying in a minute: {}", task.id(), e.toString());
                tasks.retry(task.id(), owner, clock.instant().plus(Duration.ofMinutes(1)), e.toString());
            }
        }
        return done;
    }

    private void runTask(TaskRepository.Task task) {
        Optional<EnrollmentDocument> found = enrollments.findById(task.enrollmentId());
        if (found.isEmpty()) {
            return;
        }
        EnrollmentDocument e = found.get();
        Instant now = clock.instant();
        switch (task.kind()) {
            case OFFER_EXPIRY -> {
                if (e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null && !now.isBefore(e.offerExpiresAt())) {
                    endHolding(e, EnrollmentStatus.EXPIRED, "enrollment.reason.expired", SYSTEM, null,
                            lte("offerExpiresAt", now));
                }
            }
            case OFFER_REMINDER -> {
                if (e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null && now.isBefore(e.offerExpiresAt())) {
                    catalog.offering(new OfferingId(e.offeringId())).ifPresent(o -> mail.offerExpiring(e, o));
                }
            }
            case PAYMENT_REMINDER -> {
                if (e.status() == EnrollmentStatus.ENROLLED && e.payment() == PaymentState.UNPAID) {
                    Instant deadline = offeringRules.find(e.offeringId()).map(OfferingRules::paymentDeadline).orElse(null);
                    if (deadline != null) {
                        catalog.offering(new OfferingId(e.offeringId())).ifPresent(o -> mail.paymentReminder(e, o, payBy(e, deadline)));
                    }
                }
            }
            case FINISH_ENDING -> {
                if (Boolean.TRUE.equals(e.seatReleasePending())) {
                    finishEnding(e);
                }
            }
            case PAYMENT_DUE -> {
                Instant deadline = offeringRules.find(e.offeringId()).map(OfferingRules::paymentDeadline).orElse(null);
                if (e.status() == EnrollmentStatus.ENROLLED && e.payment() == PaymentState.UNPAID && deadline != null) {
                    Instant payBy = payBy(e, deadline);
                    if (now.isBefore(payBy)) {
                        tasks.schedule(TaskRepository.Kind.PAYMENT_DUE, e.id(), payBy); // the deadline moved later
                        return;
                    }
                    endHolding(e, EnrollmentStatus.RELEASED, "enrollment.reason.unpaid", SYSTEM, null,
                            com.mongodb.client.model.Filters.eq("payment", PaymentState.UNPAID.name()));
                }
            }
        }
    }

    /**
     * The recovery sweep: finishes or undoes what a crash left half done, older than {@code recoveryGrace}.
     * A seat whose holder has no entry holding it is given back; an ended entry whose seat was not given back
     * gives it back; a cap place of an entry that is not active is given back; free seats go to the waitlist.
     *
     * @return how many things it repaired
     */
    public int recover() {
        return SystemIdentity.call(this::recoverAsSystem);
    }

    private int recoverAsSystem() {
        Instant before = clock.instant().minus(settings.recoveryGrace());
        int repaired = 0;
        if (!legacyEndingsChecked) {
            // endings cut off before FINISH_ENDING tasks existed: one look (a scan) after each start suffices
            List<EnrollmentDocument> flagged = enrollments.seatReleasePending(500);
            for (EnrollmentDocument e : flagged) {
                if (e.endedAt() != null && e.endedAt().isBefore(before)) {
                    finishEnding(e);
                    repaired++;
                } else { // maybe still under way: its task (added now if it was missing) finishes it if not
                    tasks.schedule(TaskRepository.Kind.FINISH_ENDING, e.id(),
                            (e.endedAt() == null ? clock.instant() : e.endedAt()).plus(settings.recoveryGrace()));
                }
            }
            legacyEndingsChecked = flagged.size() < 500;
        }
        for (OfferingId offering : seats.needingAttention(500)) {
            SeatLedger.Ledger ledger = seats.ledger(offering).orElse(null);
            if (ledger == null) {
                continue;
            }
            for (SeatLedger.Holder h : ledger.holders()) {
                if (h.confirmed() || !h.at().isBefore(before)) {
                    continue;
                }
                Optional<EnrollmentDocument> e = enrollments.findById(h.id());
                if (e.isPresent() && e.get().status().holdsSeat()) {
                    finishAfterCrash(e.get());
                    seats.confirm(offering, h.id());
                } else if (seats.release(offering, h.id()).isPresent()) {
                    log.warn("Recovery: seat in {} held by {} without an entry holding it (status {}); released",
                            offering.value(), h.id(), e.map(d -> d.status().name()).orElse("none"));
                    repaired++;
                }
            }
            repaired += dispatch(offering, null) > 0 ? 1 : 0;
        }
        for (org.bson.Document counter : caps.withHoldersBefore(before, 500)) {
            for (org.bson.Document h : counter.getList("holders", org.bson.Document.class, List.of())) {
                String holder = h.getString("id");
                if (h.getDate("at").toInstant().isBefore(before)
                        && enrollments.findById(holder).map(d -> !d.status().active()).orElse(true)) {
                    caps.give(counter.getString("_id"), holder);
                    repaired++;
                }
            }
        }
        return repaired;
    }

    /** Whether this node has looked for flagged endings without a task since it started (see recoverAsSystem). */
    private volatile boolean legacyEndingsChecked;

    /**
     * Finishes an ending that a crash cut off (its {@code seatReleasePending} flag is still set): gives the seat
     * back, adds the ending's mail unless it is there, clears the flag and offers the seat to the line. Each step
     * can be repeated safely.
     */
    private void finishEnding(EnrollmentDocument e) {
        OfferingId offering = new OfferingId(e.offeringId());
        seats.release(offering, e.id());
        catalog.offering(offering).ifPresent(o -> mailEnding(e, o, endingNote(e)));
        enrollments.clearSeatReleasePending(e.id());
        log.warn("Recovery: enrolment {} ended at {} ({}) but its ending was not finished; seat released and mail"
                + " added if missing", e.id(), e.endedAt(), e.status());
        dispatch(offering, null);
    }

    /**
     * The steps after the record that a crash may have cut off, done again: each is idempotent (mail by its key,
     * tasks by their id), so for an entry that finished normally this adds nothing.
     */
    private void finishAfterCrash(EnrollmentDocument e) {
        Offering o = catalog.offering(new OfferingId(e.offeringId())).orElse(null);
        if (o == null) {
            return;
        }
        if (e.status() == EnrollmentStatus.ENROLLED) {
            schedulePayment(e);
            mail.enrolled(e, o);
        } else if (e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null) {
            tasks.schedule(TaskRepository.Kind.OFFER_EXPIRY, e.id(), e.offerExpiresAt());
            mail.offer(e, o, e.offerExpiresAt());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /**
     * A new entry id: {@code enr-}, the time in milliseconds (12 hex digits), then 64 random bits (16 hex digits).
     * Ids made one after another sort together, so a B-tree keyed by {@code _id} (MongoDB's and the embedded store's)
     * takes new entries at its right edge: the entries of a rush share a few pages instead of each touching (and, in
     * the embedded store, rewriting at commit) a page of its own. The random part keeps ids unguessable as before.
     */
    static String newId() {
        return String.format("enr-%012x%016x", System.currentTimeMillis(), UUID.randomUUID().getLeastSignificantBits());
    }

    private static <T> T systemCall(Supplier<T> work) {
        return SystemIdentity.call(work);
    }

    private static void systemRun(Runnable work) {
        SystemIdentity.run(work);
    }
}
