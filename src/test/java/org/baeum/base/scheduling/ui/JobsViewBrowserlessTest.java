package org.baeum.base.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.stream.IntStream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** ADMIN's jobs page: the delivery job with its next run, and "run now" whose run then shows. */
@BaeumIntegrationTest
class JobsViewBrowserlessTest extends SpringBrowserlessTest {

    static final String DELIVERY = "notification-delivery";
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    @Autowired
    JobRuns runs;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.create("jobs-view-admin", Role.ADMIN);
    }

    private JobsView view() {
        return AopTestUtils.getUltimateTargetObject(navigate(JobsView.class));
    }

    private int row(JobsView view, String job) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).name().equals(job)).findFirst().orElseThrow();
    }

    private long runsOf(String job) {
        return runs.all().stream().filter(r -> r.job().equals(job)).mapToLong(JobRuns.JobRun::runs).findFirst().orElse(0);
    }

    @Test
    @WithUserDetails("jobs-view-admin")
    void the_delivery_job_is_listed_with_its_translated_description_and_next_run() {
        JobsView view = view();
        var grid = test(view.grid);
        int row = row(view, DELIVERY);
        assertThat(grid.getHeaderCell(0)).isEqualTo("작업");
        assertThat(grid.getCellText(row, 0)).isEqualTo(DELIVERY);
        assertThat(grid.getCellText(row, 1)).startsWith("보낼 때가 된 알림 메일을 보냅니다");
        assertThat(grid.getCellText(row, 2)).matches(TIMESTAMP);
        assertThat(view.grid.getAriaLabel()).hasValue("예약 작업");
        Button runNow = (Button) grid.getCellComponent(row, view.grid.getColumns().size() - 1);
        assertThat(runNow.getText()).isEqualTo("지금 실행");
        assertThat(runNow.getAriaLabel()).hasValue("지금 실행: " + DELIVERY);
    }

    @Test
    @WithUserDetails("jobs-view-admin")
    void run_now_starts_the_job_says_so_and_the_run_shows_after_a_refresh() {
        JobsView view = view();
        long before = runsOf(DELIVERY);
        var grid = test(view.grid);
        test((Button) grid.getCellComponent(row(view, DELIVERY), view.grid.getColumns().size() - 1)).click();
        assertThat(test($(Notification.class).last()).getText()).startsWith(DELIVERY + " 작업을 지금 실행하도록 요청했습니다.");

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> runsOf(DELIVERY) > before);
        test(view.refresh).click();
        int row = row(view, DELIVERY);
        assertThat(test(view.grid).getRow(row).lastRun()).isNotNull();
        assertThat(test(view.grid).getCellText(row, 3)).matches(TIMESTAMP);
        assertThat(test(view.grid).getCellText(row, 4)).matches("\\d+\\.\\d초");
        assertThat(Long.parseLong(test(view.grid).getCellText(row, 8).replace(",", ""))).isGreaterThan(before);
    }
}
