package org.baeum.closure.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.DescriptionList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baeum.DemoCatalogFixture;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.internal.ClosureApplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** A plan the job applied after its last day: STAFF read on its page that no calendar closure was added (0046). */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.closure.PausedClosureJob.class)
class PlanNotesBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    ClosureDesk desk;
    @Autowired
    ClosureApplier applier;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.userOrCreate("plan-notes-staff", Role.STAFF);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    @WithUserDetails("plan-notes-staff")
    void a_plan_applied_after_its_last_day_says_so_on_its_page() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        ClosurePlan declared = desk.declare(new ClosureRequest("main", "main-gallery", null, today.plusDays(200),
                today.plusDays(200), null, null, "전시장 점검", "Gallery check", Map.of()));
        clock.advance(Duration.ofDays(202)); // the portal was down until after the closure
        applier.runDue();
        assertThat(desk.plan(declared.id()).orElseThrow().status()).isEqualTo(ClosurePlan.Status.APPLIED);

        PlanView view = AopTestUtils.getUltimateTargetObject(navigate("staff/closures/plans/" + declared.id(),
                PlanView.class));
        assertThat(view.plan.notes()).containsExactly(ClosurePlan.NOTE_CALENDAR_PAST);
        assertThat($(DescriptionList.Description.class).all()).extracting(DescriptionList.Description::getText)
                .contains(view.getTranslation("closure.ui.note." + ClosurePlan.NOTE_CALENDAR_PAST));
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("closure.ui.plan.status",
                view.getTranslation("closure.ui.status.APPLIED")));
    }
}
