package org.baeum.attendance.degree;

import java.time.LocalDate;
import java.util.List;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;

/** Saves a new degree rule version as ADMIN (in force today), for tests that need thresholds their classes reach. */
public final class DegreeRulesFixture {

    private DegreeRulesFixture() {
    }

    public static DegreeRuleSet save(DegreeRules rules, BaeumUser admin, LocalDate today, int bachelor, int master,
                                     int doctor) {
        var before = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        try {
            TestAccounts.signIn(admin);
            return rules.save(rules.latest().version(), new DegreeRuleDraft(today, List.of(new LevelRule(DegreeLevel.BACHELOR, bachelor, false),
                    new LevelRule(DegreeLevel.MASTER, master, true), new LevelRule(DegreeLevel.DOCTOR, doctor, true)),
                    0));
        } finally {
            TestAccounts.signOut();
            if (before != null) { // give the test's own user back (e.g. @WithUserDetails)
                var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
                context.setAuthentication(before);
                org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            }
        }
    }
}
