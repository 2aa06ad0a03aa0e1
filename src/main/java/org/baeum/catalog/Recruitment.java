package org.baeum.catalog;

import java.time.Instant;
import java.util.Objects;

/** When and how an offering recruits (모집): the window and first-come or lottery. */
public record Recruitment(Instant opensAt, Instant closesAt, RecruitmentMethod method) {

    public Recruitment {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(method, "method");
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("Recruitment must close after it opens");
        }
    }

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
