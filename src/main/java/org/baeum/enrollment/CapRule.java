package org.baeum.enrollment;

import org.baeum.catalog.Audience;
import org.baeum.catalog.PolicyDomain;

/**
 * A per-term cap that ADMIN sets: a participant may have at most {@code max} active enrolments and waitlist entries
 * per term in offerings of this audience (e.g. {@code SPORTS}) or policy domain. Exactly one of the two is set.
 */
public record CapRule(String id, Audience audience, PolicyDomain domain, int max) {

    public boolean appliesTo(Audience a, PolicyDomain d) {
        return (audience != null && audience == a) || (domain != null && domain == d);
    }
}
