package org.baeum.attendance.completion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.account.AccountId;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.completion.internal.CompletionRepository;
import org.baeum.attendance.completion.internal.CompletionRepository.Stored;
import org.baeum.base.i18n.Formats;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What a household has completed (decision 0033), for its learning history and the honorary degree's hours: the
 * confirmed completions of its enrolments, less those whose certificate was revoked (they count for nothing any more).
 * {@link Completions} decides completions; this reads them per household.
 */
@Service
public class HouseholdCompletions {

    private final CompletionRepository completions;
    private final Certificates certificates;
    private final CitizenEnrollments citizenEnrollments;
    private final EnrollmentDesk desk;

    HouseholdCompletions(CompletionRepository completions, Certificates certificates,
                         CitizenEnrollments citizenEnrollments, EnrollmentDesk desk) {
        this.completions = completions;
        this.certificates = certificates;
        this.citizenEnrollments = citizenEnrollments;
        this.desk = desk;
    }

    /**
     * The completed programs of the caller's household (self and dependants), for its learning history: only the
     * enrolments of the caller's own household are read, so another household's never appear.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<HouseholdCompletion> ofMyHousehold() {
        return completedAmong(citizenEnrollments.myEnrollments());
    }

    /**
     * The completed programs of one household, for STAFF at the desk (the honorary degree's progress): read through
     * {@link EnrollmentDesk#enrollmentsOf}, which refuses an account that is not a citizen's.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<HouseholdCompletion> ofHousehold(AccountId household) {
        return completedAmong(desk.enrollmentsOf(household));
    }

    private List<HouseholdCompletion> completedAmong(Collection<Enrollment> enrollments) {
        Map<String, Enrollment> byId = enrollments.stream()
                .collect(Collectors.toMap(e -> e.id().value(), Function.identity(), (a, b) -> a));
        return valid(completions.ofEnrollments(byId.keySet())).stream()
                .map(s -> new HouseholdCompletion(byId.get(s.enrollmentId()), s.sessions(), s.hours(),
                        LocalDate.ofInstant(s.confirmedAt(), Formats.SEOUL), s.certificateCode()))
                .toList();
    }

    /** The confirmed completions, less those whose certificate was revoked. */
    private List<Stored> valid(List<Stored> all) {
        List<Stored> done = all.stream().filter(s -> Boolean.TRUE.equals(s.completed()) && s.confirmedAt() != null)
                .toList();
        Set<String> revoked = certificates.revokedAmong(done.stream().map(Stored::certificateCode)
                .filter(Objects::nonNull).toList());
        return done.stream().filter(s -> s.certificateCode() == null || !revoked.contains(s.certificateCode()))
                .toList();
    }
}
