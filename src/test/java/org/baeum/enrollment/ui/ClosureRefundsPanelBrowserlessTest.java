package org.baeum.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.closure.ClosureParticipants;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.ClosureRefunds;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.PaymentState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** The desk's 환불 예정 list shows a closure's refund with its reason, and 환불 완료 records it once (decision 0046). */
@BaeumIntegrationTest
class ClosureRefundsPanelBrowserlessTest extends SpringBrowserlessTest {

    static EnrollmentFixture fixture;
    static BaeumUser citizen;

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk enrollmentDesk;
    @Autowired
    ClosureParticipants participants;
    @Autowired
    ClosureRefunds closureRefunds;
    @Autowired
    CatalogService catalog;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        citizen = accounts.citizen("refund-panel-" + UUID.randomUUID().toString().substring(0, 6) + "@test.baeum",
                "환불패널", LocalDate.of(1966, 6, 6));
        accounts.userOrCreate("refund-panel-staff", Role.STAFF);
    }

    @Test
    @WithUserDetails("refund-panel-staff")
    void a_closure_refund_is_listed_with_its_reason_and_paid_out_from_the_list() {
        OfferingId id = fixture.offering(3, 40_000);
        var staff = org.springframework.security.core.context.SecurityContextHolder.getContext();
        TestAccounts.signIn(citizen);
        Enrollment e = enrollments.enroll(id, null, UUID.randomUUID().toString());
        org.springframework.security.core.context.SecurityContextHolder.setContext(staff);
        enrollmentDesk.recordPayment(e.id(), PaymentState.PAID, "현금");
        List<LocalDate> days = catalog.offering(id).orElseThrow().sessionDates();
        String plan = "cp-panel-" + UUID.randomUUID().toString().substring(0, 8);
        long owed = participants.settle(plan, "엘리베이터 점검", "Lift inspection", e.id().value(), days,
                List.of(days.get(0))).refund();
        assertThat(owed).isEqualTo(40_000 / days.size() / 10 * 10);
        String other = "cp-panel-" + UUID.randomUUID().toString().substring(0, 8);
        long second = participants.settle(other, "누수 수리", "Leak repair", e.id().value(), days,
                List.of(days.get(1))).refund();

        EnrollmentsView view = AopTestUtils.getUltimateTargetObject(navigate(EnrollmentsView.class));
        var grid = test(view.refunds.grid);
        int row = IntStream.range(0, grid.size()).filter(i -> plan.equals(closureRefundPlan(grid.getRow(i))))
                .findFirst().orElseThrow();
        RefundsOwedPanel.Owed item = grid.getRow(row);
        assertThat(item.entry().id()).isEqualTo(e.id());
        assertThat(grid.getCellText(row, 2)).isEqualTo(Formats.won(owed, java.util.Locale.KOREAN));
        assertThat(grid.getCellText(row, 3)).endsWith("휴관: 엘리베이터 점검");
        int otherRow = IntStream.range(0, grid.size()).filter(i -> other.equals(closureRefundPlan(grid.getRow(i))))
                .findFirst().orElseThrow();
        String label = ((Button) grid.getCellComponent(row, 5)).getElement().getAttribute("aria-label");
        assertThat(label).as("the amount and the closure's reason, for a screen reader").isEqualTo(
                view.getTranslation("refundsOwed.paidFor", item.entry().participantName(), item.entry().offeringTitle(
                        java.util.Locale.KOREAN), Formats.won(owed, java.util.Locale.KOREAN), "휴관: 엘리베이터 점검"));
        assertThat(((Button) grid.getCellComponent(otherRow, 5)).getElement().getAttribute("aria-label"))
                .as("the same entry's other closure refund reads differently").isNotEqualTo(label)
                .contains(Formats.won(second, java.util.Locale.KOREAN), "휴관: 누수 수리");

        test((Button) grid.getCellComponent(row, 5)).click();
        assertThat(IntStream.range(0, grid.size()).mapToObj(grid::getRow).map(this::closureRefundPlan))
                .as("paid out: off the list").doesNotContain(plan);
        assertThat(closureRefunds.owed()).noneMatch(r -> r.id().equals(item.closureRefundId()))
                .anyMatch(r -> r.enrollment().id().equals(e.id())); // the other closure's is still owed
    }

    private String closureRefundPlan(RefundsOwedPanel.Owed o) {
        return o.closureRefundId() == null ? null : o.closureRefundId().split(":")[1];
    }
}
