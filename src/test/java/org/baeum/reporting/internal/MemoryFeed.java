package org.baeum.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.catalog.Audience;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.EnrollmentStatus;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** A hand-made feed for tests: the raw records the reports are checked against, kept in plain lists. */
public class MemoryFeed implements FactFeed {

    public final List<FeedOffering> offerings = new ArrayList<>();
    public final List<FeedEntry> entries = new ArrayList<>();
    public final Map<String, Integer> attended = new HashMap<>();
    public final Set<String> completed = new HashSet<>();
    public final Map<String, Named> categories = new LinkedHashMap<>();
    public final List<FeedDetail> details = new ArrayList<>();
    public final AtomicInteger builds = new AtomicInteger();

    /** A data table over this feed; rebuilds run on the executor. */
    public ParticipationData data(Clock clock, Duration maxAge, Executor executor) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("feed", this);
        return new ParticipationData(beans.getBeanProvider(FactFeed.class), clock, maxAge, executor);
    }

    /** A data table that rebuilds at once on the caller's thread. */
    public ParticipationData data(Clock clock) {
        return data(clock, Duration.ofMinutes(5), Runnable::run);
    }

    public FeedOffering offering(String id, String branch, TermType termType, Audience audience, ProgramKind kind,
                                 PolicyDomain domain, LearningSubcategory sub, LocalDate firstDay, int sessions,
                                 boolean cancelled) {
        LearningArea area = sub == null ? null : sub.area();
        FeedOffering o = new FeedOffering(id, "p-" + id, new Named("강좌 " + id, "Class " + id), branch,
                new Named("main".equals(branch) ? "본관" : "아현분관", "main".equals(branch) ? "Main" : "Ahyeon"),
                "t-" + termType, new Named("기수 " + termType, "Term " + termType), termType, audience, domain, area, sub,
                kind, firstDay, sessions, cancelled);
        offerings.add(o);
        return o;
    }

    /** An admitted, paid entry without reduction. */
    public FeedEntry entry(String id, FeedOffering o, String person, int attendedSessions) {
        return entry(id, o, person, AgeBand.AGE_40S, District.MAPO, true, null, EnrollmentStatus.ENROLLED, true, true,
                30_000, 30_000, 0, false, attendedSessions);
    }

    public FeedEntry entry(String id, FeedOffering o, String person, AgeBand age, District district, boolean resident,
                           String category, EnrollmentStatus status, boolean admitted, boolean paid, long baseFee,
                           long amount, long refund, boolean cancelled, int attendedSessions) {
        FeedEntry e = new FeedEntry(id, o.offeringId(), person, age, district, resident, category, o.audience(),
                o.termType(), status, admitted, paid, baseFee, amount, refund, cancelled);
        entries.add(e);
        if (attendedSessions > 0) {
            attended.put(id, attendedSessions);
        }
        return e;
    }

    public FeedOffering offeringOf(FeedEntry e) {
        return offerings.stream().filter(o -> o.offeringId().equals(e.offeringId())).findFirst().orElseThrow();
    }

    @Override
    public void entriesOfYear(int year, Consumer<FeedEntry> sink) {
        builds.incrementAndGet();
        for (FeedEntry e : List.copyOf(entries)) {
            if (offeringOf(e).firstDay().getYear() == year) {
                sink.accept(e);
            }
        }
    }

    @Override
    public Map<String, Integer> attendedOfYear(int year) {
        return Map.copyOf(attended);
    }

    @Override
    public Set<String> completedAmong(Collection<String> offeringIds) {
        Set<String> out = new HashSet<>();
        for (FeedEntry e : entries) {
            if (offeringIds.contains(e.offeringId()) && completed.contains(e.enrollmentId())) {
                out.add(e.enrollmentId());
            }
        }
        return out;
    }

    @Override
    public List<FeedOffering> offeringsOfYear(int year) {
        return offerings.stream().filter(o -> o.firstDay().getYear() == year).toList();
    }

    @Override
    public Map<String, Named> reductionCategories() {
        return Map.copyOf(categories);
    }

    @Override
    public void detailsOf(Collection<String> offeringIds, Consumer<FeedDetail> sink) {
        details.stream().filter(d -> offeringIds.contains(d.offeringId())).forEach(sink);
    }
}
