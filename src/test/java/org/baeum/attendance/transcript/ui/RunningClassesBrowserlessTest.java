package org.baeum.attendance.transcript.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * 수강 중인 강좌 on the learning history (decision 0035): the household's running class with attended of held, the
 * share needed and the warning in words; only its own participant; no section when nothing runs.
 */
@BaeumIntegrationTest
class RunningClassesBrowserlessTest extends SpringBrowserlessTest {

    static final String BELOW = "run.view.below@test.baeum";
    static final String LOST = "run.view.lost@test.baeum";
    static final String FINE = "run.view.fine@test.baeum";
    static Taught running;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired AttendanceClasses fixture, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired CompletionRules rules,
                     @Autowired Attendance attendance) {
        fixture.withDemoCatalog();
        BaeumUser teacher = accounts.create("run-view-teacher", Role.INSTRUCTOR);
        BaeumUser staff = accounts.create("run-view-staff", Role.STAFF);
        List<BaeumUser> citizens = List.of(accounts.citizen(BELOW, "김부족", LocalDate.of(1951, 1, 1)),
                accounts.citizen(LOST, "이불가", LocalDate.of(1951, 2, 2)),
                accounts.citizen(FINE, "박충분", LocalDate.of(1951, 3, 3)));
        running = fixture.taught(teacher, citizens);
        AttendanceStatus a = AttendanceStatus.ABSENT;
        AttendanceStatus p = AttendanceStatus.PRESENT;
        TestAccounts.signIn(staff);
        try {
            rules.setRule(catalog.offering(running.id()).orElseThrow().program().id(), new CompletionRule(2, 3, false));
            for (int i = 0; i < 3; i++) {
                attendance.mark(running.id(), running.sessions().get(i), List.of(
                        new Mark(running.entries().get(0), i == 0 ? p : a), new Mark(running.entries().get(1), a),
                        new Mark(running.entries().get(2), p)), null);
            }
        } finally {
            TestAccounts.signOut();
        }
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void atTheThirdSession() {
        LocalDate day = running.sessions().get(2);
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(Formats.SEOUL)), day)));
    }

    private ListItem open() {
        UI.getCurrent().navigate(TranscriptView.class);
        assertThat($(H2.class).all()).extracting(H2::getText).contains("수강 중인 강좌");
        return $(ListItem.class).withClassName("baeum-running-class").single();
    }

    @Test
    @WithUserDetails(BELOW)
    void below_the_share_says_so_with_the_sessions_left() {
        atTheThirdSession();
        ListItem item = open();
        int left = running.sessions().size() - 3;
        assertThat(item.getElement().getTextRecursively()).contains("김부족", "열린 3회 중 1회 출석", "수료 기준: 출석 2/3")
                .doesNotContain("이불가");
        Paragraph warning = $(Paragraph.class, item).withClassName("baeum-running-warning").single();
        assertThat(warning.getText()).isEqualTo("주의: 지금까지의 출석이 수료 기준보다 낮습니다. 남은 " + left
                + "회에 출석하면 아직 수료할 수 있습니다.");
    }

    @Test
    @WithUserDetails(LOST)
    void past_reaching_the_share_says_it_can_no_longer_be_reached() {
        atTheThirdSession();
        ListItem item = open();
        assertThat(item.getElement().getTextRecursively()).contains("이불가", "열린 3회 중 0회 출석");
        assertThat($(Paragraph.class, item).withClassName("baeum-running-warning").single().getText())
                .startsWith("경고: 남은 수업에 모두 출석해도 수료 기준을 더 이상 채울 수 없습니다.");
    }

    @Test
    @WithUserDetails(FINE)
    void on_track_shows_no_warning_and_nothing_running_shows_no_section() {
        atTheThirdSession();
        ListItem item = open();
        assertThat(item.getElement().getTextRecursively()).contains("열린 3회 중 3회 출석");
        assertThat($(Paragraph.class, item).withClassName("baeum-running-warning").all()).isEmpty();

        clock.reset(); // before the first session: nothing runs yet
        UI.getCurrent().navigate(TranscriptView.class);
        assertThat($(H2.class).all()).extracting(H2::getText).doesNotContain("수강 중인 강좌");
    }
}
