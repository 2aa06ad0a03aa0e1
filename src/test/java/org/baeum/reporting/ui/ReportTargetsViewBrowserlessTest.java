package org.baeum.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.Target;
import org.baeum.reporting.TargetLine;
import org.baeum.reporting.Targets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** ADMIN's targets view: messages at the fields and nothing stored on bad input; a save shows in the grid; delete. */
@BaeumIntegrationTest
class ReportTargetsViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    Targets targets;
    @Autowired
    Clock clock;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.create("rt-admin", Role.ADMIN);
    }

    int thisYear() {
        return LocalDate.now(clock.withZone(Formats.SEOUL)).getYear();
    }

    @Test
    @WithUserDetails("rt-admin")
    void bad_input_shows_translated_messages_at_the_fields_and_stores_nothing() {
        ReportTargetsView view = AopTestUtils.getUltimateTargetObject(navigate(ReportTargetsView.class));
        view.year.setValue(1990);
        view.value.setValue(0);
        test(view.save).click();

        assertThat(view.year.isInvalid()).isTrue();
        assertThat(view.year.getErrorMessage()).isEqualTo("연도는 2000에서 2100 사이여야 합니다.");
        assertThat(view.line.isInvalid()).isTrue();
        assertThat(view.line.getErrorMessage()).isEqualTo("구분을 고르세요.");
        assertThat(view.measure.getErrorMessage()).isEqualTo("단위를 실인원 또는 연인원으로 고르세요.");
        assertThat(view.value.getErrorMessage()).isEqualTo("목표는 1 이상 100,000,000 이하의 수여야 합니다.");
        assertThat(targets.ofYear(1990)).isEmpty();
        assertThat(targets.ofYear(thisYear())).isEmpty();
    }

    @Test
    @WithUserDetails("rt-admin")
    void a_saved_target_shows_in_the_grid_and_can_be_deleted() {
        ReportTargetsView view = AopTestUtils.getUltimateTargetObject(navigate(ReportTargetsView.class));
        view.line.setValue(TargetLine.PROGRAM_KIND);
        view.key.setValue("SPORTS_LESSON");
        view.measure.setValue(ColumnKind.PEOPLE);
        view.value.setValue(25_000);
        test(view.save).click();

        assertThat(view.value.isInvalid()).isFalse();
        assertThat(targets.ofYear(thisYear())).containsExactly(
                new Target(thisYear(), TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PEOPLE, 25_000));
        @SuppressWarnings("unchecked")
        Grid<Target> grid = view.grid;
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("체육 강습");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("실인원");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("25,000");

        Button delete = (Button) test(grid).getCellComponent(0, 4);
        assertThat(delete.getText()).isEqualTo("삭제");
        test(delete).click();
        assertThat(targets.ofYear(thisYear())).isEmpty();
        assertThat(test(grid).size()).isZero();
    }
}
