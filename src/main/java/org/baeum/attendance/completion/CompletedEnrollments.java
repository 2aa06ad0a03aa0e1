package org.baeum.attendance.completion;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.completion.internal.CompletionRepository;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The completions reports count (이수, decision 0038): the entries of some offerings with a confirmed completion, less
 * those whose certificate was revoked (they count for nothing any more, as in {@link HouseholdCompletions}). For STAFF
 * and ADMIN (and the portal itself, whose system identity holds both roles). {@link Completions} decides completions.
 */
@Service
public class CompletedEnrollments {

    /** How many certificate codes one revocation look-up asks about at most. */
    static final int CODES_AT_ONCE = 1_000;

    private final CompletionRepository completions;
    private final Certificates certificates;

    CompletedEnrollments(CompletionRepository completions, Certificates certificates) {
        this.completions = completions;
        this.certificates = certificates;
    }

    /** The entries of these offerings that completed (confirmed), less those whose certificate was revoked. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Set<EnrollmentId> completedAmong(Collection<OfferingId> offerings) {
        Set<EnrollmentId> completed = new HashSet<>();
        Map<String, EnrollmentId> byCode = new HashMap<>();
        completions.forEachCompletedIn(offerings.stream().map(OfferingId::value).distinct().toList(), (entry, code) -> {
            EnrollmentId id = new EnrollmentId(entry);
            completed.add(id);
            if (code != null) {
                byCode.put(code, id);
                if (byCode.size() == CODES_AT_ONCE) {
                    removeRevoked(byCode, completed);
                }
            }
        });
        removeRevoked(byCode, completed);
        return completed;
    }

    private void removeRevoked(Map<String, EnrollmentId> byCode, Set<EnrollmentId> completed) {
        if (!byCode.isEmpty()) {
            certificates.revokedAmong(byCode.keySet()).forEach(code -> completed.remove(byCode.get(code)));
            byCode.clear();
        }
    }
}
