package org.baeum.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.internal.CatalogMapping;
import org.baeum.catalog.internal.OfferingDocument;
import org.baeum.catalog.internal.OfferingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Copying the plan into another term (STAFF, ADMIN): an offering or a whole term becomes drafts in the target term,
 * dates and recruitment moved by the terms' offset ({@link PlanningRules#shifted}). Each copy is saved through
 * {@link CatalogService#saveOffering}, so it meets every rule a new offering meets; a copy that does not is reported,
 * not stored.
 */
@Service
public class TermCopies {

    private static final Logger log = LoggerFactory.getLogger(TermCopies.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final CatalogService catalog;
    private final OfferingRepository offerings;
    private final PlanningRules rules;
    private final CurrentUser currentUser;

    TermCopies(CatalogService catalog, OfferingRepository offerings, PlanningRules rules, CurrentUser currentUser) {
        this.catalog = catalog;
        this.offerings = offerings;
        this.rules = rules;
        this.currentUser = currentUser;
    }

    /** Copies an offering into another term as a draft, moving its dates and recruitment by the terms' offset. */
    @PreAuthorize(STAFF)
    public OfferingId copyOffering(OfferingId id, TermId toTerm) {
        Offering source = offerings.findById(id.value()).map(CatalogMapping::offering)
                .orElseThrow(() -> new CatalogValidationException(List.of(FieldProblem.of("id", "validation.unknown"))));
        return catalog.saveOffering(rules.shifted(source, toTerm));
    }

    /** Copies every offering of a term that is not cancelled into another term as drafts. */
    @PreAuthorize(STAFF)
    public TermCopyResult copyTerm(TermId from, TermId to) {
        List<OfferingId> created = new ArrayList<>();
        Map<OfferingId, List<FieldProblem>> failed = new LinkedHashMap<>();
        for (OfferingDocument doc : offerings.inTerm(from.value())) {
            Offering source = CatalogMapping.offering(doc);
            if (source.publication() == Publication.CANCELLED) {
                continue;
            }
            try {
                created.add(catalog.saveOffering(rules.shifted(source, to)));
            } catch (CatalogValidationException e) {
                failed.put(source.id(), e.problems());
            }
        }
        log.info("Term {} copied to {} by {}: {} created, {} not copied", from.value(), to.value(),
                currentUser.get().map(u -> u.getUsername()).orElse("system"), created.size(), failed.size());
        return new TermCopyResult(created, failed);
    }
}
