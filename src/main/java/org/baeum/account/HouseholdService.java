package org.baeum.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.DependantDocument;
import org.baeum.account.internal.DependantRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A citizen's household: themself and the dependants they enrol (children, an elderly parent, a person they care
 * for). A citizen reaches only their own household; staff reach any (the desk helps people), and other features
 * look participants up here to apply age rules.
 */
@Service
public class HouseholdService {

    private static final Logger log = LoggerFactory.getLogger(HouseholdService.class);
    /** The most ids {@link #participants(java.util.Collection)} takes at once. */
    public static final int MAX_BATCH = 5_000;

    private final DependantRepository dependants;
    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.baeum.base.audit.AccessLog accessLog;
    private final ApplicationEventPublisher events;

    HouseholdService(DependantRepository dependants, AccountRepository accounts, CurrentUser currentUser, Clock clock,
                     org.baeum.base.audit.AccessLog accessLog, ApplicationEventPublisher events) {
        this.accessLog = accessLog;
        this.events = events;
        this.dependants = dependants;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's dependants; removed ones too when asked (their history stays with the household). */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<Dependant> myDependants(boolean includeRemoved) {
        return dependantsOf(currentUser.require().accountId(), includeRemoved);
    }

    /** Who the caller can enrol: themself first, then their active dependants. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<Participant> myParticipants() {
        return participantsOf(currentUser.require().accountId());
    }

    /**
     * Adds a dependant to the caller's household.
     *
     * @throws InvalidInputException per field, or at {@code name} when the household has its maximum; nothing stored
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Dependant addDependant(DependantDraft draft) {
        String household = currentUser.require().accountId();
        List<FieldProblem> problems = new ArrayList<>(AccountRules.dependant(draft, LocalDate.now(clock)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (dependants.countActive(household) >= AccountRules.MAX_DEPENDANTS) {
            throw InvalidInputException.of("name", "household.full", AccountRules.MAX_DEPENDANTS);
        }
        DependantDocument d = new DependantDocument(UUID.randomUUID().toString(), household, draft.name().strip(),
                draft.birthDate(), draft.relation(), clock.instant(), null);
        dependants.insert(d);
        log.info("Account {} added dependant {}", household, d.id());
        Dependant added = toDependant(d);
        events.publishEvent(new AccountEvents.DependantAdded(added)); // a 65+ dependant goes to the review queue
        return added;
    }

    /**
     * Removes one of the caller's dependants from the list of people they can enrol. The record stays (removed),
     * so past enrolments still show who took part.
     *
     * @throws AccessDeniedException when it is not the caller's active dependant
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public void removeDependant(ParticipantId dependant) {
        String household = currentUser.require().accountId();
        if (!dependants.markRemoved(dependant.value(), household, clock.instant())) {
            log.warn("Account {} tried to remove dependant {} which is not an active dependant of theirs",
                    household, dependant.value());
            throw new AccessDeniedException("Not your dependant");
        }
        log.info("Account {} removed dependant {}", household, dependant.value());
    }

    /**
     * A participant by id, for enrolment and fee rules: the account holder or a dependant. A citizen may look up
     * only their own household's; staff and the system any.
     *
     * @throws AccessDeniedException when a citizen asks for someone else's, or the id is unknown
     */
    @PreAuthorize("isAuthenticated()")
    public Participant participant(ParticipantId id) {
        var user = currentUser.require();
        if (id.value().equals(user.accountId()) && user.hasRole(Role.CITIZEN)) {
            // the caller themself (the common case of enrolment): one read, no dependant lookup
            return accounts.findById(id.value()).map(a -> AccountRepository.toAccount(a).asParticipant())
                    .orElseThrow(() -> new AccessDeniedException("No such participant"));
        }
        Participant p = dependants.findById(id.value()).map(d -> toDependant(d).asParticipant())
                .or(() -> accounts.findById(id.value()).filter(a -> a.roles().contains(Role.CITIZEN))
                        .map(a -> AccountRepository.toAccount(a).asParticipant()))
                .orElseThrow(() -> new AccessDeniedException("No such participant"));
        boolean staff = user.hasRole(Role.STAFF) || user.hasRole(Role.ADMIN);
        if (!staff && !p.household().value().equals(user.accountId())) {
            log.warn("Account {} was refused participant {} of another household", user.accountId(), id.value());
            throw new AccessDeniedException("Not your household");
        }
        return p;
    }

    /**
     * Many participants at once, for staff lists (the front desk's search by name): at most two reads whatever the
     * number of ids (the dependants among them, then the account holders). Ids that are neither a dependant nor a
     * citizen's account are left out of the map. Not written to the access log here: the caller records the list it
     * shows (it knows what it searched and how many it shows).
     *
     * @throws IllegalArgumentException with more than {@value #MAX_BATCH} ids
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public java.util.Map<ParticipantId, Participant> participants(java.util.Collection<ParticipantId> ids) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        ids.forEach(id -> wanted.add(id.value()));
        if (wanted.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " participants at once");
        }
        java.util.Map<ParticipantId, Participant> found = new java.util.HashMap<>();
        dependants.findByIds(wanted).forEach(d -> found.put(new ParticipantId(d.id()), toDependant(d).asParticipant()));
        wanted.removeIf(id -> found.containsKey(new ParticipantId(id)));
        accounts.findByIds(wanted).stream().filter(a -> a.roles().contains(Role.CITIZEN))
                .forEach(a -> found.put(new ParticipantId(a.id()), AccountRepository.toAccount(a).asParticipant()));
        return found;
    }

    /** A household's participants, for staff helping at the desk; written to the access log. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<Participant> householdOf(AccountId account) {
        accessLog.record(org.baeum.base.audit.AccessAction.VIEW_HOUSEHOLD, account.value(), null);
        return participantsOf(account.value());
    }

    /** A household's dependants, removed ones included, for staff; written to the access log. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<Dependant> dependantsOf(AccountId account) {
        accessLog.record(org.baeum.base.audit.AccessAction.VIEW_HOUSEHOLD, account.value(), null);
        return dependantsOf(account.value(), true);
    }

    private List<Participant> participantsOf(String accountId) {
        List<Participant> result = new ArrayList<>();
        accounts.findById(accountId).ifPresent(a -> result.add(AccountRepository.toAccount(a).asParticipant()));
        dependantsOf(accountId, false).forEach(d -> result.add(d.asParticipant()));
        return result;
    }

    private List<Dependant> dependantsOf(String householdId, boolean includeRemoved) {
        return dependants.findByHousehold(householdId).stream().map(HouseholdService::toDependant)
                .filter(d -> includeRemoved || d.active()).toList();
    }

    static Dependant toDependant(DependantDocument d) {
        return new Dependant(new ParticipantId(d.id()), new AccountId(d.householdId()), d.name(), d.birthDate(),
                d.relation(), d.addedAt(), d.removedAt());
    }
}
