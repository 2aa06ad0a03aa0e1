package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ClosureTest {

    private static final LocalDate FEB_26 = LocalDate.of(2026, 2, 26);
    private static final LocalDate APR_25 = LocalDate.of(2026, 4, 25);

    @Test
    void branch_closure_applies_only_to_its_branch() {
        Closure closure = new Closure("mapo", FEB_26, APR_25, "건물 보수공사", "Building renovation");
        assertThat(closure.isAllBranches()).isFalse();
        assertThat(closure.appliesTo("mapo")).isTrue();
        assertThat(closure.appliesTo("gangnam")).isFalse();
    }

    @Test
    void closure_without_branch_applies_to_every_branch() {
        Closure closure = Closure.allBranches(FEB_26, FEB_26, "전산 점검", "System maintenance");
        assertThat(closure.branchId()).isNull();
        assertThat(closure.isAllBranches()).isTrue();
        assertThat(closure.appliesTo("mapo")).isTrue();
        assertThat(closure.appliesTo("gangnam")).isTrue();
    }

    @Test
    void both_ends_are_inclusive() {
        Closure closure = new Closure("mapo", FEB_26, APR_25, "건물 보수공사", "Building renovation");
        assertThat(closure.includes(FEB_26)).isTrue();
        assertThat(closure.includes(APR_25)).isTrue();
        assertThat(closure.includes(FEB_26.minusDays(1))).isFalse();
        assertThat(closure.includes(APR_25.plusDays(1))).isFalse();
    }

    @Test
    void single_day_closure_is_allowed() {
        assertThat(new Closure("mapo", FEB_26, FEB_26, "휴관", "Closed").includes(FEB_26)).isTrue();
    }

    @Test
    void last_day_before_first_day_is_rejected() {
        assertThatThrownBy(() -> new Closure("mapo", APR_25, FEB_26, "휴관", "Closed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before firstDay");
    }

    @Test
    void null_dates_are_rejected() {
        assertThatNullPointerException().isThrownBy(() -> new Closure("mapo", null, APR_25, "휴관", "Closed"));
        assertThatNullPointerException().isThrownBy(() -> new Closure("mapo", FEB_26, null, "휴관", "Closed"));
    }

    @Test
    void blank_branch_id_or_reasons_are_rejected() {
        assertThatThrownBy(() -> new Closure(" ", FEB_26, APR_25, "휴관", "Closed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Closure("mapo", FEB_26, APR_25, "", "Closed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> new Closure("mapo", FEB_26, APR_25, "휴관", null));
    }
}
