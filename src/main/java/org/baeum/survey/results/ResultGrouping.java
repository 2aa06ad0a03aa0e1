package org.baeum.survey.results;

import java.util.List;

/** How results are grouped: by class (offering), program, instructor, branch or term. */
public enum ResultGrouping {
    OFFERING, PROGRAM, INSTRUCTOR, BRANCH, TERM;

    /** The groups an offering falls in: one, or one per instructor (none for a class without an instructor). */
    List<Key> keysOf(OfferingFacts o) {
        return switch (this) {
            case OFFERING -> List.of(new Key(o.offeringId(), o.title() + " · " + o.termName()));
            case PROGRAM -> List.of(new Key(o.programId(), o.programTitle()));
            case INSTRUCTOR -> o.instructors().stream().map(i -> new Key(i.accountId(), i.name())).toList();
            case BRANCH -> List.of(new Key(o.branchId(), o.branchName()));
            case TERM -> List.of(new Key(o.termId(), o.termName()));
        };
    }

    /** A group's key and label. */
    record Key(String key, String label) {
    }
}
