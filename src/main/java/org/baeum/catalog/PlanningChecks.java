package org.baeum.catalog;

import java.util.List;
import java.util.Optional;
import org.baeum.base.domain.FieldProblem;
import org.baeum.catalog.internal.CatalogMapping;
import org.baeum.catalog.internal.OfferingRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Planning's dry run, for STAFF and ADMIN: what {@link CatalogService#saveProgram} and
 * {@link CatalogService#saveOffering} would refuse, field by field, with nothing stored, and any offering (a draft
 * too) to plan from. For a caller with problems of its own to report together with the service's (the catalog API's
 * values that fit no draft) or one that previews before it saves. The rules are {@link PlanningRules}', the same the
 * saves apply.
 */
@Service
public class PlanningChecks {

    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final PlanningRules rules;
    private final OfferingRepository offerings;

    PlanningChecks(PlanningRules rules, OfferingRepository offerings) {
        this.rules = rules;
        this.offerings = offerings;
    }

    /** Empty when {@link CatalogService#saveProgram} would store the draft. */
    @PreAuthorize(STAFF)
    public List<FieldProblem> programProblems(ProgramDraft draft) {
        return rules.programProblems(draft);
    }

    /** Empty when {@link CatalogService#saveOffering} would store the draft (as things stand now). */
    @PreAuthorize(STAFF)
    public List<FieldProblem> offeringProblems(OfferingDraft draft) {
        try {
            rules.validated(draft, draft.id() == null ? null : offering(draft.id()).orElse(null));
            return List.of();
        } catch (CatalogValidationException invalid) {
            return invalid.problems();
        }
    }

    /**
     * As {@link #offeringProblems(OfferingDraft)}, with {@code planned} standing for the program of its id as it will
     * be once saved (a program the spreadsheet import creates or changes in the same file).
     */
    @PreAuthorize(STAFF)
    public List<FieldProblem> offeringProblems(OfferingDraft draft, Program planned) {
        try {
            rules.validated(draft, draft.id() == null ? null : offering(draft.id()).orElse(null), planned);
            return List.of();
        } catch (CatalogValidationException invalid) {
            return invalid.problems();
        }
    }

    /** Any offering, whatever its publication: the one a planner changes. */
    @PreAuthorize(STAFF)
    public Optional<Offering> offering(OfferingId id) {
        return offerings.findById(id.value()).map(CatalogMapping::offering);
    }
}
