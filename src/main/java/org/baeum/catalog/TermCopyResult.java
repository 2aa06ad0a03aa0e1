package org.baeum.catalog;

import org.baeum.base.domain.FieldProblem;
import java.util.List;
import java.util.Map;

/** What copying a term did: the drafts created, and the offerings that could not be copied and why. */
public record TermCopyResult(List<OfferingId> created, Map<OfferingId, List<FieldProblem>> failed) {

    public TermCopyResult {
        created = List.copyOf(created);
        failed = Map.copyOf(failed);
    }
}
