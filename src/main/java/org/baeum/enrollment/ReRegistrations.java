package org.baeum.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.ContinuingSeats;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.recruitment.Continuation;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.RoundService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Re-registration (재등록, issue 15): while a round's re-registration phase is open, a household member enrolled in
 * the previous term's offering keeps a place in its continuation by claiming it. Unclaimed places stay free, and the
 * round's draw gives them out (the draw counts the seats left). A citizen sees and claims only for their household.
 */
@Service
public class ReRegistrations {

    private static final Logger log = LoggerFactory.getLogger(ReRegistrations.class);

    private final RoundService rounds;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final ContinuingSeats seats;
    private final EnrollmentRepository enrollments;
    private final EnrollmentMapper mapper;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReRegistrations(RoundService rounds, CatalogService catalog, HouseholdService households, ContinuingSeats seats,
                    EnrollmentRepository enrollments, EnrollmentMapper mapper, CurrentUser currentUser, Clock clock) {
        this.rounds = rounds;
        this.catalog = catalog;
        this.households = households;
        this.seats = seats;
        this.enrollments = enrollments;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The places the caller's household may keep now (and those it kept), in open re-registration phases. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<ReRegistration> mine() {
        Instant now = clock.instant();
        List<Participant> members = households.myParticipants();
        List<ReRegistration> places = new ArrayList<>();
        for (Round round : rounds.rounds()) {
            Optional<RoundPhase> phase = openPhase(round, now);
            if (phase.isEmpty()) {
                continue;
            }
            for (Continuation c : round.continuations()) {
                Optional<Offering> previous = catalog.offering(c.previous());
                Optional<Offering> next = catalog.offering(c.offering());
                if (previous.isEmpty() || next.isEmpty()) {
                    continue;
                }
                for (Participant p : members) {
                    if (seats.continues(previous.get(), p)) {
                        EnrollmentId held = enrollments.findActive(c.offering().value(), p.id().value())
                                .map(e -> new EnrollmentId(e.id())).orElse(null);
                        places.add(new ReRegistration(round.id(), round.titleKo(), round.titleEn(), c.previous(),
                                c.offering(), next.get().program().titleKo(), next.get().program().titleEn(), p.id(),
                                p.name(), phase.get().closesAt(), held));
                    }
                }
            }
        }
        return places;
    }

    /**
     * Keeps the participant's place in the continuation {@code offering} of the round: enrolled at once (fee and
     * payment deadline as for any enrolment). A second claim answers the same entry.
     *
     * @throws EnrollmentRefusedException {@code CLOSED} outside the round's re-registration phase,
     *         {@code NOT_CONTINUING} when the round does not continue an offering the participant learns in now,
     *         {@code NO_SEAT}, {@code CAP_REACHED}
     * @throws org.springframework.security.access.AccessDeniedException for a participant outside the household
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Enrollment claim(RoundId roundId, OfferingId offering, ParticipantId participantId) {
        String caller = currentUser.require().accountId();
        Participant p = households.participant(participantId); // refuses another household's member
        Round round = rounds.round(roundId).orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED));
        if (openPhase(round, clock.instant()).isEmpty()) {
            throw new EnrollmentRefusedException(Reason.CLOSED);
        }
        Continuation c = round.continuations().stream().filter(x -> x.offering().equals(offering)).findFirst()
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.NOT_CONTINUING));
        Offering previous = SystemIdentity.call(() -> catalog.offering(c.previous()))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.NOT_CONTINUING));
        Offering next = SystemIdentity.call(() -> catalog.offering(c.offering()))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED));
        if (!seats.continues(previous, p)) {
            log.info("Account {} was refused re-registering participant {} in {}: not in {}", caller,
                    p.id().value(), offering.value(), previous.id().value());
            throw new EnrollmentRefusedException(Reason.NOT_CONTINUING);
        }
        var doc = SystemIdentity.call(() -> seats.claim(roundId.value(), next, p, caller));
        return mapper.toEnrollment(doc, false);
    }

    private static Optional<RoundPhase> openPhase(Round round, Instant now) {
        return round.phase(RoundPhaseKind.RE_REGISTRATION).filter(ph -> ph.openAt(now));
    }
}
