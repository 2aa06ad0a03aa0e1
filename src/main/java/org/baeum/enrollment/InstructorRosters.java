package org.baeum.enrollment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.Masking;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Class rosters for instructors (수강생 명단): who is enrolled in an offering they teach, and nothing else. Each
 * participant shows with their name, age band and a masked contact; opening a full contact is one call per person,
 * written to the access log. An instructor who does not teach the offering is refused, as is everyone who is not an
 * instructor (staff have the desk).
 */
@Service
public class InstructorRosters {

    private static final Logger log = LoggerFactory.getLogger(InstructorRosters.class);

    private final EnrollmentRepository enrollments;
    private final EnrollmentLists lists;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final AccountService accounts;
    private final AccessLog accessLog;
    private final CurrentUser currentUser;

    InstructorRosters(EnrollmentRepository enrollments, EnrollmentLists lists, CatalogService catalog, HouseholdService households,
                      AccountService accounts, AccessLog accessLog, CurrentUser currentUser) {
        this.enrollments = enrollments;
        this.lists = lists;
        this.catalog = catalog;
        this.households = households;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.currentUser = currentUser;
    }

    /**
     * The enrolled participants of an offering the caller teaches, by name.
     *
     * @throws AccessDeniedException when the caller does not teach it (or it does not exist)
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public List<RosterEntry> roster(OfferingId offeringId) {
        return rosterOf(taught(offeringId));
    }

    /**
     * The same roster of any offering, for STAFF and ADMIN (attendance, the roster API): names, age bands and masked
     * contacts only, as instructors see it.
     *
     * @throws AccessDeniedException when there is no such offering
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<RosterEntry> staffRoster(OfferingId offeringId) {
        return rosterOf(catalog.offering(offeringId)
                .orElseThrow(() -> new AccessDeniedException("No offering " + offeringId.value())));
    }

    private List<RosterEntry> rosterOf(Offering o) {
        List<RosterEntry> roster = new ArrayList<>();
        for (EnrollmentDocument e : enrolled(o)) {
            Participant p = SystemIdentity.call(() -> participantOrNull(e.participantId()));
            int band = p == null || p.birthDate() == null ? -1
                    : RosterEntry.bandOf(p.ageOn(EnrollmentRules.ageDay(o)));
            String email = SystemIdentity.call(() -> householdEmail(e.householdId()));
            roster.add(new RosterEntry(new EnrollmentId(e.id()), new ParticipantId(e.participantId()),
                    e.participantName(), band, email == null ? "" : Masking.email(email)));
        }
        roster.sort(Comparator.comparing(RosterEntry::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return roster;
    }

    /**
     * The full contact of one participant on the roster of an offering the caller teaches; written to the access
     * log (who opened whose contact, when, for which class).
     *
     * @throws AccessDeniedException when the caller does not teach the offering, or the entry is not enrolled in it
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public RosterContact contact(OfferingId offeringId, EnrollmentId id) {
        Offering o = taught(offeringId);
        EnrollmentDocument e = enrollments.findById(id.value())
                .filter(d -> d.offeringId().equals(o.id().value()) && d.status() == EnrollmentStatus.ENROLLED)
                .orElseThrow(() -> new AccessDeniedException("Not on the roster of " + offeringId.value()));
        String email = SystemIdentity.call(() -> householdEmail(e.householdId()));
        accessLog.record(AccessAction.VIEW_CONTACT, e.householdId(), "roster " + o.id().value() + ": " + e.id());
        return new RosterContact(id, e.participantName(), email);
    }

    /** The offering, if the caller is one of its program's instructors. */
    private Offering taught(OfferingId offeringId) {
        BaeumUser user = currentUser.require();
        Offering o = catalog.offering(offeringId).orElse(null);
        if (o == null || o.program().instructors().stream().noneMatch(i -> i.accountId().equals(user.accountId()))) {
            log.warn("Instructor {} was refused the roster of {}, which they do not teach", user.accountId(),
                    offeringId.value());
            throw new AccessDeniedException("Not your class");
        }
        return o;
    }

    private List<EnrollmentDocument> enrolled(Offering o) {
        return lists.ofOffering(o.id().value(), List.of(EnrollmentStatus.ENROLLED), EnrollmentRepository.MAX_LIST);
    }

    private Participant participantOrNull(String participantId) {
        try {
            return households.participant(new ParticipantId(participantId));
        } catch (AccessDeniedException gone) { // removed meanwhile
            return null;
        }
    }

    private String householdEmail(String householdId) {
        return accounts.account(new AccountId(householdId)).map(Account::email).orElse(null);
    }
}
