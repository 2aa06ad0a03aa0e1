package org.baeum.reporting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.reporting.ReportQuery;

/**
 * What a query selects from one or more years' tables. Offerings and persons get one number across the years
 * ({@code globalOffering}, {@code globalPerson}), so that a person seen in two years counts once in a period that spans
 * them. An offering is selected by its first session day (the period), branch, policy domain, learning area and
 * sub-category, and, for counting it as a course, by its own term type and audience; an entry is selected when its
 * offering is, by the term type and audience the entry kept.
 */
public final class Selection {

    /** Visits a selected offering. */
    @FunctionalInterface
    public interface OfferingVisitor {
        void visit(FeedOffering offering, int globalOffering);
    }

    /** Visits a selected entry of a table. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(YearTable table, int entry, int globalOffering, int globalPerson);
    }

    private record Part(YearTable table, int offeringBase, int[] personMap, boolean[] offeringIn) {
    }

    private final ReportQuery query;
    private final List<Part> parts = new ArrayList<>();
    private final int persons;

    Selection(ReportQuery query, List<YearTable> tables) {
        this.query = query;
        int base = 0;
        Map<String, Integer> shared = tables.size() > 1 ? new HashMap<>() : null;
        int single = 0;
        for (YearTable t : tables) {
            boolean[] in = new boolean[t.offerings.size()];
            for (int o = 0; o < in.length; o++) {
                in[o] = matches(t.offerings.get(o));
            }
            int[] map = null;
            if (shared != null) {
                map = new int[t.persons.length];
                for (int p = 0; p < map.length; p++) {
                    map[p] = shared.computeIfAbsent(t.persons[p], k -> shared.size());
                }
            } else {
                single = t.persons.length;
            }
            parts.add(new Part(t, base, map, in));
            base += in.length;
        }
        this.persons = shared != null ? shared.size() : single;
    }

    private boolean matches(FeedOffering o) {
        return !o.firstDay().isBefore(query.from()) && !o.firstDay().isAfter(query.to())
                && (query.branch() == null || query.branch().value().equals(o.branchId()))
                && (query.domain() == null || query.domain() == o.domain())
                && (query.area() == null || query.area() == o.area())
                && (query.subcategory() == null || query.subcategory() == o.subcategory());
    }

    public ReportQuery query() {
        return query;
    }

    /** When the oldest of the tables was taken. */
    public Instant asOf() {
        return parts.stream().map(p -> p.table().asOf()).min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** How many persons the tables know (an upper bound of global person numbers). */
    public int persons() {
        return persons;
    }

    /** The selected offerings that count as courses of the query's term type and audience (cancelled ones included). */
    public void offerings(OfferingVisitor visitor) {
        for (Part p : parts) {
            for (int o = 0; o < p.offeringIn().length; o++) {
                FeedOffering offering = p.table().offerings.get(o);
                if (p.offeringIn()[o] && (query.termType() == null || query.termType() == offering.termType())
                        && (query.audience() == null || query.audience() == offering.audience())) {
                    visitor.visit(offering, p.offeringBase() + o);
                }
            }
        }
    }

    /** Every selected entry, whatever its status. */
    public void entries(EntryVisitor visitor) {
        for (Part p : parts) {
            YearTable t = p.table();
            for (int e = 0; e < t.size; e++) {
                int o = t.offering[e];
                if (p.offeringIn()[o] && (query.termType() == null || query.termType() == t.termType(e))
                        && (query.audience() == null || query.audience() == t.audience(e))) {
                    visitor.visit(t, e, p.offeringBase() + o, p.personMap() == null ? t.person[e] : p.personMap()[t.person[e]]);
                }
            }
        }
    }
}
