package org.baeum.reporting.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.catalog.Audience;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.EnrollmentStatus;

/**
 * One year's participation, joined and compact: the offerings of the year as records, and every entry of the year as
 * a row of column arrays (about 45 bytes an entry: 200,000 entries take about 9 MB), with the person keys, reduction
 * categories and offerings dictionary-encoded as ints. Immutable once built; {@code asOf} is when its build started.
 */
public final class YearTable {

    static final int RESIDENT = 1;
    static final int ADMITTED = 2;
    static final int PAID = 4;
    static final int CANCELLED = 8;
    static final int COMPLETED = 16;

    private static final AgeBand[] AGE_BANDS = AgeBand.values();
    private static final District[] DISTRICTS = District.values();
    private static final Audience[] AUDIENCES = Audience.values();
    private static final TermType[] TERM_TYPES = TermType.values();
    private static final EnrollmentStatus[] STATUSES = EnrollmentStatus.values();

    final int year;
    final Instant asOf;
    final List<FeedOffering> offerings;
    final String[] persons;
    final String[] reductionCodes;
    final int size;
    final int[] offering;
    final int[] person;
    final int[] attended;
    final short[] reduction;
    final byte[] ageBand;
    final byte[] district;
    final byte[] audience;
    final byte[] termType;
    final byte[] status;
    final byte[] flags;
    final long[] baseFee;
    final long[] amount;
    final long[] refund;

    private YearTable(Builder b) {
        year = b.year;
        asOf = b.asOf;
        offerings = List.copyOf(b.offerings);
        persons = new String[b.personKeys.size()];
        b.personKeys.forEach((k, v) -> persons[v] = k);
        reductionCodes = new String[b.reductionKeys.size()];
        b.reductionKeys.forEach((k, v) -> reductionCodes[v] = k);
        size = b.n;
        offering = Arrays.copyOf(b.offering, size);
        person = Arrays.copyOf(b.person, size);
        attended = Arrays.copyOf(b.attended, size);
        reduction = Arrays.copyOf(b.reduction, size);
        ageBand = Arrays.copyOf(b.ageBand, size);
        district = Arrays.copyOf(b.district, size);
        audience = Arrays.copyOf(b.audience, size);
        termType = Arrays.copyOf(b.termType, size);
        status = Arrays.copyOf(b.status, size);
        flags = Arrays.copyOf(b.flags, size);
        baseFee = Arrays.copyOf(b.baseFee, size);
        amount = Arrays.copyOf(b.amount, size);
        refund = Arrays.copyOf(b.refund, size);
    }

    public int year() {
        return year;
    }

    public Instant asOf() {
        return asOf;
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    public FeedOffering offeringOf(int entry) {
        return offerings.get(offering[entry]);
    }

    public AgeBand ageBand(int e) {
        return AGE_BANDS[ageBand[e]];
    }

    /** {@code null}: not known. */
    public District district(int e) {
        return district[e] < 0 ? null : DISTRICTS[district[e]];
    }

    public boolean resident(int e) {
        return (flags[e] & RESIDENT) != 0;
    }

    public Audience audience(int e) {
        return AUDIENCES[audience[e]];
    }

    public TermType termType(int e) {
        return TERM_TYPES[termType[e]];
    }

    public EnrollmentStatus status(int e) {
        return STATUSES[status[e]];
    }

    public boolean admitted(int e) {
        return (flags[e] & ADMITTED) != 0;
    }

    public boolean paid(int e) {
        return (flags[e] & PAID) != 0;
    }

    public boolean cancelled(int e) {
        return (flags[e] & CANCELLED) != 0;
    }

    public boolean completed(int e) {
        return (flags[e] & COMPLETED) != 0;
    }

    public boolean reduced(int e) {
        return amount[e] < baseFee[e];
    }

    /** {@code null}: no reduction category on the entry. */
    public String reductionCategory(int e) {
        return reduction[e] < 0 ? null : reductionCodes[reduction[e]];
    }

    public long baseFee(int e) {
        return baseFee[e];
    }

    public long amount(int e) {
        return amount[e];
    }

    public long refund(int e) {
        return refund[e];
    }

    /** Sessions attended (present or late). */
    public int attended(int e) {
        return attended[e];
    }

    /**
     * A participant (counted in 실인원): the entry was admitted and did not end before attending anything, by a
     * cancellation or by a release for a fee not paid in time (an entry that ended after attending still counts,
     * with the sessions it attended).
     */
    public boolean participant(int e) {
        return admitted(e) && (!endedUnattended(e) || attended[e] > 0);
    }

    /** Ended without taking part: cancelled, or released because the fee was not paid by the deadline. */
    private boolean endedUnattended(int e) {
        return cancelled(e) || status(e) == EnrollmentStatus.RELEASED;
    }

    /** A membership without sessions (a gym membership, or any offering of 0 sessions): its 연인원 are its desk visits. */
    public static boolean membership(FeedOffering o) {
        return o.kind() == ProgramKind.GYM_MEMBERSHIP || o.sessions() <= 0;
    }

    /** Collects a year's rows, growing its arrays; single-threaded. */
    static final class Builder {
        private final int year;
        private final Instant asOf;
        private final List<FeedOffering> offerings;
        private final Map<String, Integer> offeringIndex = new HashMap<>();
        private final Map<String, Integer> personKeys = new HashMap<>();
        private final Map<String, Integer> reductionKeys = new HashMap<>();
        private final Map<String, Integer> attendedById;
        private final java.util.Set<String> completedIds;
        private int n;
        private int[] offering = new int[1024];
        private int[] person = new int[1024];
        private int[] attended = new int[1024];
        private short[] reduction = new short[1024];
        private byte[] ageBand = new byte[1024];
        private byte[] district = new byte[1024];
        private byte[] audience = new byte[1024];
        private byte[] termType = new byte[1024];
        private byte[] status = new byte[1024];
        private byte[] flags = new byte[1024];
        private long[] baseFee = new long[1024];
        private long[] amount = new long[1024];
        private long[] refund = new long[1024];
        int skipped;

        Builder(int year, Instant asOf, List<FeedOffering> offerings, Map<String, Integer> attendedById,
                java.util.Set<String> completedIds) {
            this.year = year;
            this.asOf = asOf;
            this.offerings = offerings;
            this.attendedById = attendedById;
            this.completedIds = completedIds;
            for (int i = 0; i < offerings.size(); i++) {
                offeringIndex.put(offerings.get(i).offeringId(), i);
            }
        }

        void add(FeedEntry f) {
            Integer o = offeringIndex.get(f.offeringId());
            if (o == null) {
                skipped++; // an entry of a draft, or of another year's offering: not reported in this year
                return;
            }
            // an entry that kept no audience or term type (made before the facts, its term since removed) is read
            // with its class's; with neither it cannot be placed in any line
            FeedOffering of = offerings.get(o);
            Audience kept = f.audience() != null ? f.audience() : of.audience();
            TermType type = f.termType() != null ? f.termType() : of.termType();
            if (kept == null || type == null) {
                skipped++;
                return;
            }
            if (n == offering.length) {
                grow(n * 2);
            }
            offering[n] = o;
            person[n] = personKeys.computeIfAbsent(f.person(), k -> personKeys.size());
            attended[n] = attendedById.getOrDefault(f.enrollmentId(), 0);
            reduction[n] = f.reductionCategory() == null ? -1
                    : (short) (int) reductionKeys.computeIfAbsent(f.reductionCategory(), k -> reductionKeys.size());
            ageBand[n] = (byte) (f.ageBand() == null ? AgeBand.UNKNOWN : f.ageBand()).ordinal();
            district[n] = (byte) (f.district() == null ? -1 : f.district().ordinal());
            audience[n] = (byte) kept.ordinal();
            termType[n] = (byte) type.ordinal();
            status[n] = (byte) f.status().ordinal();
            flags[n] = (byte) ((f.resident() ? RESIDENT : 0) | (f.admitted() ? ADMITTED : 0) | (f.paid() ? PAID : 0)
                    | (f.cancelled() ? CANCELLED : 0) | (completedIds.contains(f.enrollmentId()) ? COMPLETED : 0));
            baseFee[n] = f.baseFee();
            amount[n] = f.amount();
            refund[n] = f.refundAmount();
            n++;
        }

        private void grow(int to) {
            offering = Arrays.copyOf(offering, to);
            person = Arrays.copyOf(person, to);
            attended = Arrays.copyOf(attended, to);
            reduction = Arrays.copyOf(reduction, to);
            ageBand = Arrays.copyOf(ageBand, to);
            district = Arrays.copyOf(district, to);
            audience = Arrays.copyOf(audience, to);
            termType = Arrays.copyOf(termType, to);
            status = Arrays.copyOf(status, to);
            flags = Arrays.copyOf(flags, to);
            baseFee = Arrays.copyOf(baseFee, to);
            amount = Arrays.copyOf(amount, to);
            refund = Arrays.copyOf(refund, to);
        }

        YearTable build() {
            return new YearTable(this);
        }
    }
}
