package org.baeum.reporting.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.baeum.account.FeeReductionCategories;
import org.baeum.attendance.AttendanceTotals;
import org.baeum.attendance.visits.MembershipVisits;
import org.baeum.attendance.completion.CompletedEnrollments;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogYears;
import org.baeum.catalog.Offering;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.Publication;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermId;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.ParticipationFacts;
import org.baeum.enrollment.ParticipationSource;
import org.baeum.enrollment.PaymentState;
import org.springframework.stereotype.Component;

/**
 * The reports' feed on the public services of the features that own the figures (decision 0037): enrolment's
 * {@link ParticipationSource} (facts kept on each entry), attendance's {@link AttendanceTotals} (sessions attended),
 * {@link MembershipVisits} (gym visits at the desk, 연인원 of memberships; decision 0044),
 * {@link CompletedEnrollments} (이수), the catalog's {@link CatalogYears} and branches, and account's fee-reduction
 * categories. Never another feature's collection. Each service checks its caller: the reports call it as STAFF or
 * ADMIN, a background rebuild as the portal.
 */
@Component
class ServiceFeed implements FactFeed {

    private final ParticipationSource entries;
    private final AttendanceTotals totals;
    private final MembershipVisits visits;
    private final CompletedEnrollments completions;
    private final CatalogYears years;
    private final CatalogService catalog;
    private final FeeReductionCategories eligibility;

    ServiceFeed(ParticipationSource entries, AttendanceTotals totals, MembershipVisits visits,
                CompletedEnrollments completions, CatalogYears years, CatalogService catalog,
                FeeReductionCategories eligibility) {
        this.entries = entries;
        this.totals = totals;
        this.visits = visits;
        this.completions = completions;
        this.years = years;
        this.catalog = catalog;
        this.eligibility = eligibility;
    }

    @Override
    public void entriesOfYear(int year, Consumer<FeedEntry> sink) {
        entries.forEachOfYear(year, row -> {
            ParticipationFacts f = row.facts();
            sink.accept(new FeedEntry(row.id().value(), row.offering().value(), f.person(), f.ageBand(), f.district(),
                    f.resident(), f.reductionCategory(), f.audience(), f.termType(), row.status(), row.admitted(),
                    paid(row.payment()), row.baseFee(),
                    row.amount(), row.refundAmount(), row.cancelled()));
        });
    }

    /** Paid: the fee was paid, and a refunded entry had paid it first. */
    private static boolean paid(PaymentState payment) {
        return payment == PaymentState.PAID || payment == PaymentState.REFUNDED;
    }

    /** Sessions attended, plus the gym visits checked in at the desk (a pool check-in is a session mark already). */
    @Override
    public Map<String, Integer> attendedOfYear(int year) {
        Map<EnrollmentId, Integer> attended = totals.attendedInYear(year);
        Map<String, Integer> byId = new HashMap<>(attended.size() * 2);
        attended.forEach((id, n) -> byId.put(id.value(), n));
        visits.visitsOfYear(year).forEach((id, n) -> byId.merge(id.value(), n, Integer::sum));
        return byId;
    }

    @Override
    public Set<String> completedAmong(Collection<String> offeringIds) {
        return completions.completedAmong(offeringIds.stream().map(OfferingId::new).toList()).stream()
                .map(EnrollmentId::value).collect(Collectors.toSet());
    }

    @Override
    public List<FeedOffering> offeringsOfYear(int year) {
        Map<TermId, Term> terms = years.terms();
        Map<String, Named> branches = new HashMap<>();
        for (Branch b : catalog.branches()) {
            branches.put(b.id().value(), new Named(b.nameKo(), b.nameEn()));
        }
        return years.offeringsOfYear(year).stream().map(o -> offering(o, terms, branches)).toList();
    }

    private static FeedOffering offering(Offering o, Map<TermId, Term> terms, Map<String, Named> branches) {
        var p = o.program();
        Term term = terms.get(o.termId());
        String branch = p.branchId().value();
        int sessions = p.kind() == ProgramKind.GYM_MEMBERSHIP ? 0 : o.sessionDates().size();
        return new FeedOffering(o.id().value(), p.id().value(), new Named(p.titleKo(), p.titleEn()), branch,
                branches.getOrDefault(branch, new Named(branch, branch)), o.termId().value(),
                term == null ? new Named(o.termId().value(), o.termId().value()) : new Named(term.nameKo(), term.nameEn()),
                term == null ? null : term.type(), p.audience(), p.domain(),
                p.classification() == null ? null : p.classification().area(),
                p.classification() == null ? null : p.classification().subcategory(), p.kind(), o.ageDay(), sessions,
                o.publication() == Publication.CANCELLED);
    }

    @Override
    public Map<String, Named> reductionCategories() {
        Map<String, Named> names = new LinkedHashMap<>();
        eligibility.categories().forEach(c -> names.put(c.code(), new Named(c.nameKo(), c.nameEn())));
        return names;
    }

    @Override
    public void detailsOf(Collection<String> offeringIds, Consumer<FeedDetail> sink) {
        entries.forEachDetail(offeringIds.stream().map(OfferingId::new).toList(), d -> sink.accept(new FeedDetail(
                d.id().value(), d.offering().value(), d.offeringTitleKo(), d.participantName(), d.status(),
                paid(d.payment()), d.baseFee(),
                d.reductionCategory(), d.amount(), d.refundAmount(), d.createdAt(), d.endedAt())));
    }
}
