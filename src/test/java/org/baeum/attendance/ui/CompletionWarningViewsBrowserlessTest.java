package org.baeum.attendance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
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
import org.baeum.attendance.completion.CompletionDue;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.EnrollmentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * Decision 0035 in the instructor's views: a badge with words on each row below the completion share or past
 * reaching it (updated after a save), and on the home the classes whose completion is due, first.
 */
@BaeumIntegrationTest
class CompletionWarningViewsBrowserlessTest extends SpringBrowserlessTest {

    static final String TEACHER = "cwv-teacher";
    /** Sessions 0–2 marked: the first citizen absent at all three, the second at two, the third present. */
    static Taught running;
    /** Every session marked present; due once it has ended. */
    static Taught ended;

    @Autowired
    CompletionDue due;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired AttendanceClasses fixture, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired CompletionRules rules,
                     @Autowired Attendance attendance) {
        AttendanceClasses classes = fixture.withDemoCatalog();
        BaeumUser teacher = accounts.create(TEACHER, Role.INSTRUCTOR);
        BaeumUser staff = accounts.create("cwv-staff", Role.STAFF);
        List<BaeumUser> citizens = accounts.citizens("cwv-", "배지", 3, LocalDate.of(1957, 9, 1));
        running = classes.taught(teacher, citizens);
        ended = classes.taught(teacher, citizens);
        AttendanceStatus a = AttendanceStatus.ABSENT;
        AttendanceStatus p = AttendanceStatus.PRESENT;
        TestAccounts.signIn(staff);
        try {
            rules.setRule(catalog.offering(running.id()).orElseThrow().program().id(), new CompletionRule(2, 3, false));
            for (int i = 0; i < 3; i++) {
                attendance.mark(running.id(), running.sessions().get(i), List.of(
                        new Mark(running.entries().get(0), a),
                        new Mark(running.entries().get(1), i == 0 ? p : a),
                        new Mark(running.entries().get(2), p)), null);
            }
            for (LocalDate day : ended.sessions()) {
                attendance.mark(ended.id(), day, ended.entries().stream().map(e -> new Mark(e, p)).toList(), null);
            }
        } finally {
            TestAccounts.signOut();
        }
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(Formats.SEOUL)), day)));
    }

    private static MarkRow row(AttendanceView view, EnrollmentId id) {
        return view.markRows.stream().filter(r -> r.enrollmentId.equals(id)).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails(TEACHER)
    void each_row_below_the_share_or_past_reaching_it_carries_a_badge_in_words() {
        LocalDate day = running.sessions().get(2);
        moveTo(day);
        UI.getCurrent().navigate(AttendanceView.path(running.id()));
        AttendanceView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        assertThat(view.session.getValue()).isEqualTo(day);

        MarkRow unreachable = row(view, running.entries().get(0));
        MarkRow below = row(view, running.entries().get(1));
        MarkRow fine = row(view, running.entries().get(2));
        assertThat(unreachable.warning.isVisible()).isTrue();
        assertThat(unreachable.warning.getText()).isEqualTo("수료 불가 (기준 2/3)");
        assertThat(below.warning.isVisible()).isTrue();
        assertThat(below.warning.getText()).isEqualTo("출석 부족 (기준 2/3)");
        assertThat(fine.warning.isVisible()).isFalse();

        test(below.buttons.get(AttendanceStatus.PRESENT)).click(); // 2 of 3 held: the share again

        assertThat(view.status.getText()).isEqualTo(view.getTranslation("attendancePage.saved"));
        assertThat(below.warning.isVisible()).isFalse();
        assertThat(unreachable.warning.getText()).isEqualTo("수료 불가 (기준 2/3)");
    }

    @Test
    @WithUserDetails(TEACHER)
    void the_home_lists_the_class_whose_completion_is_due_first_with_a_link_to_confirm_it() {
        moveTo(ended.sessions().getLast().plusDays(1));
        SystemIdentity.run(() -> due.sweep(catalog.offering(ended.id()).orElseThrow()));

        UI.getCurrent().navigate(InstructorHomeView.class);
        InstructorHomeView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        DueCompletionsSection section = $(DueCompletionsSection.class).single();
        assertThat(section.isVisible()).isTrue();
        assertThat($(Anchor.class, section.due).all()).extracting(Anchor::getHref)
                .contains("instructor/offerings/" + ended.id().value() + "/completion")
                .doesNotContain("instructor/offerings/" + running.id().value() + "/completion");
        assertThat(section.due.getElement().getTextRecursively()).contains("참여자 3명 중 3명 잠정 수료");
        assertThat(view.indexOf(section)).isLessThan(view.indexOf(view.classes.getParent().orElseThrow()));
    }
}
