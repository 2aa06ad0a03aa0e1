package org.baeum.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.catalog.internal.CatalogMapping;
import org.baeum.catalog.internal.OfferingRepository;
import org.baeum.catalog.internal.TermRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The catalog by year, for reports (decision 0038): the offerings that belong to a year (by their first session day,
 * {@link Offering#ageDay()}, the day enrolment facts and the 연인원 counters use too) and every term. For STAFF and
 * ADMIN (and the portal itself, whose system identity holds both roles).
 */
@Service
public class CatalogYears {

    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final OfferingRepository offerings;
    private final TermRepository terms;

    CatalogYears(OfferingRepository offerings, TermRepository terms) {
        this.offerings = offerings;
        this.terms = terms;
    }

    /**
     * The offerings whose first session day falls in the year, drafts left out (cancelled ones included: callers see
     * {@link Offering#publication()}), by first day.
     */
    @PreAuthorize(STAFF)
    public List<Offering> offeringsOfYear(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<Offering> found = new ArrayList<>();
        offerings.forEachNotDraftOverlapping(from, to, d -> {
            Offering o = CatalogMapping.offering(d);
            if (o.ageDay().getYear() == year) {
                found.add(o);
            }
        });
        return found;
    }

    /** Every term by id (newest first). */
    @PreAuthorize(STAFF)
    public Map<TermId, Term> terms() {
        Map<TermId, Term> all = new LinkedHashMap<>();
        terms.findAll().stream().map(CatalogMapping::term).forEach(t -> all.put(t.id(), t));
        return all;
    }
}
