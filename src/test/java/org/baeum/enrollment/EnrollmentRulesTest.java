package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.junit.jupiter.api.Test;

/** Who fits an offering by age and audience (만 나이 on the first session day). */
class EnrollmentRulesTest {

    private static Program program(Audience audience, Integer min, Integer max) {
        return new Program(new ProgramId("p"), "t", null, null, null, PolicyDomain.ACCESS, audience, ProgramKind.CLASS,
                min, max, new BranchId("main"), List.of(), 0, true, DeliveryFormat.ON_SITE, Set.of(), null, null, null);
    }

    @Test
    void audiences_without_limits_use_the_usual_ages() {
        assertThat(EnrollmentRules.ageFits(program(Audience.INFANT, null, null), 6)).isTrue();
        assertThat(EnrollmentRules.ageFits(program(Audience.INFANT, null, null), 7)).isFalse();
        assertThat(EnrollmentRules.ageFits(program(Audience.YOUTH_CHILDREN, null, null), 7)).isTrue();
        assertThat(EnrollmentRules.ageFits(program(Audience.YOUTH_CHILDREN, null, null), 19)).isFalse();
        assertThat(EnrollmentRules.ageFits(program(Audience.ADULT, null, null), 18)).isFalse();
        assertThat(EnrollmentRules.ageFits(program(Audience.ADULT, null, null), 19)).isTrue();
        assertThat(EnrollmentRules.ageFits(program(Audience.SPORTS, null, null), 3)).isTrue();
        assertThat(EnrollmentRules.ageFits(program(Audience.SPORTS, null, null), 90)).isTrue();
    }

    @Test
    void a_programs_own_limits_win() {
        Program swim = program(Audience.SPORTS, 8, 13);
        assertThat(EnrollmentRules.ageFits(swim, 7)).isFalse();
        assertThat(EnrollmentRules.ageFits(swim, 8)).isTrue();
        assertThat(EnrollmentRules.ageFits(swim, 13)).isTrue();
        assertThat(EnrollmentRules.ageFits(swim, 14)).isFalse();
        assertThat(EnrollmentRules.ageFits(program(Audience.ADULT, 60, null), 65)).isTrue();
        assertThat(EnrollmentRules.ageFits(program(Audience.ADULT, 60, null), 59)).isFalse();
    }
}
