package org.baeum.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.recruitment.draw.DrawInput;
import org.baeum.base.domain.Masking;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.ApplicationRefusedException.Reason;
import org.baeum.recruitment.internal.ApplicationDocument;
import org.baeum.recruitment.internal.ApplicationRepository;
import org.baeum.recruitment.internal.PersonKeys;
import org.baeum.recruitment.internal.RoundDocument;
import org.baeum.recruitment.internal.RoundRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A citizen's applications to a round's lottery (issue 15): apply for themself, a dependant or the whole household
 * while the round's RESERVED phase (eligible applicants only) or its LOTTERY phase is open by the server's clock,
 * withdraw until the lottery closes, list the household's. Each application's reserved flag and weight are decided
 * when it is made ({@link Entitlements}).
 */
@Service
public class Applications {

    /** The most ranked choices of one application. */
    public static final int MAX_CHOICES = 3;
    private static final Logger log = LoggerFactory.getLogger(Applications.class);

    private final RoundRepository rounds;
    private final ApplicationRepository applications;
    private final HouseholdService households;
    private final Entitlements entitlements;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;

    Applications(RoundRepository rounds, ApplicationRepository applications, HouseholdService households,
                 Entitlements entitlements, CatalogService catalog, CurrentUser currentUser, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.households = households;
        this.entitlements = entitlements;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Applies to the round's lottery. {@code household}: one entry for every active participant of the household,
     * needing a seat each ({@code participant} is then ignored); otherwise for {@code participant}, or the caller
     * when null.
     *
     * @throws ApplicationRefusedException {@code ROUND_CLOSED} outside the RESERVED and LOTTERY phases,
     *         {@code NOT_RESERVED_ELIGIBLE} in the RESERVED phase when not every participant covered is eligible for the
     *         reserved share, {@code ALREADY_APPLIED} when a participant it covers has an application in the round,
     *         {@code NO_SUCH_ROUND}; nothing stored
     * @throws InvalidInputException at {@code choices}: none, more than three, repeated, outside the round, or a class
     *                               the age of a participant covered does not fit (on its first session day); at
     *                               {@code household}: a household larger than a draw entry may be (apply apart)
     * @throws AccessDeniedException for a participant outside the caller's household
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Application apply(RoundId roundId, ParticipantId participant, List<OfferingId> choices, boolean household) {
        String caller = currentUser.require().accountId();
        RoundDocument round = openRound(roundId);
        checkChoices(round, choices);
        List<Participant> mine = households.myParticipants();
        List<Participant> covered = household ? mine : List.of(own(mine, participant, caller));
        if (covered.size() > DrawInput.MAX_SEATS) { // the draw gives one entry at most this many seats
            throw InvalidInputException.of("household", "application.validation.householdTooLarge", DrawInput.MAX_SEATS);
        }
        checkAges(choices, covered);
        List<String> keys = covered.stream().map(p -> ApplicationRepository.activeKey(round.id(), p.id().value())).toList();
        if (applications.anyActive(keys)) { // spares a number; the unique index decides
            throw new ApplicationRefusedException(Reason.ALREADY_APPLIED);
        }
        boolean reserved = entitlements.reserved(round, covered);
        if (!reserved && phaseOpen(round, RoundPhaseKind.RESERVED)) {
            log.info("Account {} was refused applying in round {}'s reserved phase: not every participant is eligible",
                    caller, round.id());
            throw new ApplicationRefusedException(Reason.NOT_RESERVED_ELIGIBLE);
        }
        int weight = entitlements.weight(round, covered);
        long sequence = rounds.nextNumber(round.id()).orElseThrow(() -> new ApplicationRefusedException(Reason.NO_SUCH_ROUND));
        String number = "%s-%06d".formatted(round.id(), sequence);
        List<String> personKeys = covered.stream().map(p -> PersonKeys.of(round.id(), p.name(), p.birthDate()))
                .distinct().toList();
        ApplicationDocument doc = new ApplicationDocument(number, round.id(), sequence, caller,
                Masking.name(mine.getFirst().name()), covered.stream().map(p -> p.id().value()).toList(), keys, personKeys,
                choices.stream().map(OfferingId::value).toList(), household, covered.size(), ApplicationStatus.SUBMITTED,
                false, clock.instant(), null, reserved, weight);
        try {
            applications.insert(doc);
        } catch (DuplicateKeyException e) {
            log.info("Account {} was refused a second application in round {}", caller, round.id());
            throw new ApplicationRefusedException(Reason.ALREADY_APPLIED);
        }
        log.info("Account {} applied in round {} as {} for {} participant(s), reserved {}, weight {}", caller, round.id(),
                number, covered.size(), reserved, weight);
        flagSamePerson(doc);
        return toApplication(applications.findByNumber(number).orElse(doc));
    }

    /**
     * Withdraws one of the household's applications while the lottery phase is open.
     *
     * @throws AccessDeniedException for an unknown number or another household's
     * @throws ApplicationRefusedException {@code ROUND_CLOSED} after the close, {@code WITHDRAWN} when it already is
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Application withdraw(String number) {
        String caller = currentUser.require().accountId();
        ApplicationDocument a = applications.findByNumber(number).filter(d -> d.householdId().equals(caller))
                .orElseThrow(() -> {
                    log.warn("Account {} was refused application {}: unknown or another household's", caller, number);
                    return new AccessDeniedException("Not your application");
                });
        openRound(new RoundId(a.roundId()));
        if (!applications.markWithdrawn(number, clock.instant())) {
            throw new ApplicationRefusedException(Reason.WITHDRAWN);
        }
        log.info("Account {} withdrew application {}", caller, number);
        return toApplication(applications.findByNumber(number).orElseThrow());
    }

    /** The household's applications in every round, newest first. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<Application> mine() {
        return applications.findByHousehold(currentUser.require().accountId()).stream().map(Applications::toApplication)
                .toList();
    }

    /** The round, if it takes applications now: its RESERVED or its LOTTERY phase is open. */
    private RoundDocument openRound(RoundId id) {
        RoundDocument round = rounds.find(id.value()).orElseThrow(() -> new ApplicationRefusedException(Reason.NO_SUCH_ROUND));
        if (!phaseOpen(round, RoundPhaseKind.RESERVED) && !phaseOpen(round, RoundPhaseKind.LOTTERY)) {
            throw new ApplicationRefusedException(Reason.ROUND_CLOSED);
        }
        return round;
    }

    private boolean phaseOpen(RoundDocument round, RoundPhaseKind kind) {
        Instant now = clock.instant();
        return round.phases().stream().anyMatch(p -> p.kind() == kind && p.openAt(now));
    }

    /** Every participant covered may take every class chosen: a win gives each of them a seat in one of them. */
    private void checkAges(List<OfferingId> choices, List<Participant> covered) {
        for (OfferingId id : choices) {
            Offering o = catalog.offering(id).orElse(null);
            if (o == null) {
                continue; // a draft the citizen cannot see yet; the draw gives it its seats all the same
            }
            for (Participant p : covered) {
                if (p.birthDate() == null || !o.program().admitsAge(p.ageOn(o.ageDay()))) {
                    throw InvalidInputException.of("choices", "application.validation.age", o.program().titleKo(), p.name());
                }
            }
        }
    }

    private static void checkChoices(RoundDocument round, List<OfferingId> choices) {
        if (choices == null || choices.isEmpty() || choices.size() > MAX_CHOICES || choices.stream().anyMatch(java.util.Objects::isNull)
                || new HashSet<>(choices).size() != choices.size()) {
            throw InvalidInputException.of("choices", "application.validation.choices", MAX_CHOICES);
        }
        Set<String> offered = Set.copyOf(round.offeringIds());
        for (OfferingId o : choices) {
            if (!offered.contains(o.value())) {
                throw InvalidInputException.of("choices", "application.validation.notInRound", o.value());
            }
        }
    }

    /** The named participant (the caller when none), if they are an active member of the caller's household. */
    private static Participant own(List<Participant> mine, ParticipantId participant, String caller) {
        String wanted = participant == null ? caller : participant.value();
        return mine.stream().filter(p -> p.id().value().equals(wanted)).findFirst().orElseThrow(() -> {
            log.warn("Account {} was refused applying for participant {} outside their household", caller, wanted);
            return new AccessDeniedException("Not your household");
        });
    }

    /**
     * Marks this application and those of other households with the same person as duplicates. Each application
     * looks after its own insert, so of two racing ones at least the later sees the other.
     */
    private void flagSamePerson(ApplicationDocument doc) {
        List<String> others = applications.sharingPerson(doc.roundId(), doc.householdId(), doc.personKeys());
        if (!others.isEmpty()) {
            List<String> numbers = new java.util.ArrayList<>(others);
            numbers.add(doc.number());
            applications.flagDuplicates(numbers);
            log.info("Application {} in round {} flagged: the same person applied from another household ({})",
                    doc.number(), doc.roundId(), others);
        }
    }

    static Application toApplication(ApplicationDocument d) {
        return new Application(d.number(), new RoundId(d.roundId()), d.participantIds().stream().map(ParticipantId::new).toList(),
                d.choices().stream().map(OfferingId::new).toList(), Boolean.TRUE.equals(d.household()), d.seats(),
                d.status(), d.createdAt(), d.withdrawnAt(), d.isReserved(), d.drawWeight());
    }
}
