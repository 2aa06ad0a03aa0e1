package org.baeum.reporting.reports;

import java.time.LocalDate;
import java.util.Random;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.catalog.Audience;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.reporting.internal.FeedEntry;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.MemoryFeed;
import org.baeum.reporting.internal.Named;

/** A random but fixed data set over two years, for recounts by plain loops. */
final class Samples {

    private Samples() {
    }

    static void fill(MemoryFeed feed, long seed) {
        Random random = new Random(seed);
        feed.categories.put("BASIC_LIVELIHOOD", new Named("기초생활수급자", "Basic livelihood"));
        feed.categories.put("DISABLED", new Named("장애인", "Disabled"));
        feed.categories.put("ELDERLY", new Named("노인", "Elderly"));
        String[] categories = feed.categories.keySet().toArray(String[]::new);
        ProgramKind[] kinds = ProgramKind.values();
        LearningSubcategory[] subs = LearningSubcategory.values();
        for (int i = 0; i < 40; i++) {
            ProgramKind kind = kinds[random.nextInt(kinds.length)];
            int sessions = kind == ProgramKind.GYM_MEMBERSHIP ? 0 : 6 + random.nextInt(20);
            int s = random.nextInt(subs.length + 3);
            LearningSubcategory sub = s < subs.length ? subs[s] : null;
            FeedOffering o = feed.offering("o" + i, i % 3 == 0 ? "ahyeon" : "main",
                    TermType.values()[random.nextInt(4)], Audience.values()[random.nextInt(4)], kind,
                    PolicyDomain.values()[random.nextInt(5)], sub,
                    LocalDate.of(2024 + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28)), sessions,
                    random.nextInt(10) == 0);
            if (sub == null && s == subs.length) { // classified by area only
                feed.offerings.set(feed.offerings.size() - 1, new FeedOffering(o.offeringId(), o.programId(),
                        o.programTitle(), o.branchId(), o.branchName(), o.termId(), o.termName(), o.termType(),
                        o.audience(), o.domain(), org.baeum.catalog.LearningArea.CAREER_DEVELOPMENT, null, o.kind(),
                        o.firstDay(), o.sessions(), o.cancelled()));
            }
        }
        District[] districts = District.values();
        for (int i = 0; i < 700; i++) {
            FeedOffering o = feed.offerings.get(random.nextInt(feed.offerings.size()));
            boolean admitted = random.nextInt(5) > 0;
            boolean cancelled = random.nextInt(6) == 0;
            String category = random.nextInt(4) == 0 ? categories[random.nextInt(categories.length)] : null;
            long fee = 10_000L * (1 + random.nextInt(5));
            long amount = category == null ? fee : fee / 2;
            int att = admitted && o.sessions() > 0 && random.nextBoolean() ? random.nextInt(o.sessions() + 1) : 0;
            int d = random.nextInt(districts.length + 4);
            boolean resident = d >= districts.length + 2;
            District district = resident ? District.MAPO : d < districts.length ? districts[d] : null;
            FeedEntry e = feed.entry("e" + i, o, "p" + random.nextInt(200), AgeBand.values()[random.nextInt(10)],
                    district, resident, category, cancelled ? EnrollmentStatus.CANCELLED
                            : admitted ? EnrollmentStatus.ENROLLED : EnrollmentStatus.WAITLISTED,
                    admitted, admitted && random.nextBoolean(), fee, amount,
                    cancelled && random.nextBoolean() ? fee / 3 : 0, cancelled, att);
            if (admitted && !cancelled && random.nextInt(3) > 0) {
                feed.completed.add(e.enrollmentId());
            }
        }
    }
}
