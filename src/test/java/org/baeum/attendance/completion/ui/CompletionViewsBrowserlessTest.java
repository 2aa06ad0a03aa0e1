package org.baeum.attendance.completion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.MutableClock;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendancePoints;
import org.baeum.attendance.AttendanceRules;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ProgramId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The completion pages in the browserless kit: STAFF set a rule and points (saved with a notification; a bad value
 * shows at its field and stores nothing); the instructor sees each participant's progress, marks a portfolio at once,
 * may confirm only after the last session and, after the dialog, sees the certificate codes; another instructor is
 * refused; the attendance page links here.
 */
@BaeumIntegrationTest
class CompletionViewsBrowserlessTest extends SpringBrowserlessTest {

    static final String TEACHER = "cv-teacher";
    static final String OTHER = "cv-other";
    static final String STAFF = "cv-staff";
    static List<BaeumUser> citizens;
    /** A class of {@link #TEACHER}'s with 2/3 and a portfolio, marked: all, exactly 2/3, one fewer. */
    static Taught marked;
    static Taught confirming;
    /** A class for the rule page (its program's rule is changed there). */
    static Taught ruled;

    @Autowired
    Completions completions;
    @Autowired
    CompletionRules rules;
    @Autowired
    AttendanceRules points;
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
        accounts.create(OTHER, Role.INSTRUCTOR);
        BaeumUser staff = accounts.create(STAFF, Role.STAFF);
        citizens = accounts.citizens("cv-", "수료뷰", 3, LocalDate.of(1956, 7, 1));
        marked = classes.taught(teacher, citizens);
        confirming = classes.taught(teacher, citizens);
        ruled = classes.taught(teacher, citizens);
        TestAccounts.signIn(staff);
        try {
            for (Taught c : List.of(marked, confirming)) {
                rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), new CompletionRule(2, 3, true));
                int n = c.sessions().size();
                int twoThirds = (2 * n + 2) / 3;
                for (int i = 0; i < n; i++) {
                    attendance.mark(c.id(), c.sessions().get(i), List.of(
                            new Mark(c.entries().get(0), AttendanceStatus.PRESENT),
                            new Mark(c.entries().get(1), i < twoThirds ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT),
                            new Mark(c.entries().get(2), i < twoThirds - 1 ? AttendanceStatus.PRESENT
                                    : AttendanceStatus.ABSENT)), null);
                }
            }
        } finally {
            TestAccounts.signOut();
        }
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void afterTheLastSession(Taught c) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, c.sessions().getLast()) + 1));
    }

    private static ProgramId program(CatalogService catalog, Taught c) {
        return catalog.offering(c.id()).orElseThrow().program().id();
    }

    private OfferingCompletionView openCompletion(Taught c) {
        UI.getCurrent().navigate(OfferingCompletionView.path(c.id()));
        return AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    @Test
    @WithUserDetails(STAFF)
    void staff_save_a_rule_and_points_with_a_notification() {
        ProgramId program = program(catalog, ruled);
        UI.getCurrent().navigate(ProgramCompletionView.path(program));
        ProgramCompletionView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        assertThat(view.share.getValue()).isEqualTo(new ProgramCompletionView.Share(0, 1));
        assertThat(view.worth.get(AttendanceStatus.LATE).getValue()).isEqualTo(1);

        view.share.setValue(new ProgramCompletionView.Share(2, 3));
        view.portfolio.setValue(true);
        view.worth.get(AttendanceStatus.EXCUSED).setValue(0);
        test(view.save).click();

        assertThat(rules.ruleOf(program)).isEqualTo(new CompletionRule(2, 3, true));
        assertThat(points.pointsOf(program)).isEqualTo(new AttendancePoints(1, 1, 0, 0));
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(view.getTranslation("completionRule.saved", view.title));
    }

    @Test
    @WithUserDetails(STAFF)
    void a_bad_point_shows_at_its_field_and_stores_neither_points_nor_rule() {
        Taught c = marked;
        ProgramId program = program(catalog, c);
        CompletionRule before = rules.ruleOf(program);
        UI.getCurrent().navigate(ProgramCompletionView.path(program));
        ProgramCompletionView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        view.share.setValue(new ProgramCompletionView.Share(4, 5));
        view.worth.get(AttendanceStatus.LATE).setValue(AttendancePoints.MAX + 1);
        view.worth.get(AttendanceStatus.ABSENT).clear();
        test(view.save).click();

        assertThat(view.worth.get(AttendanceStatus.ABSENT).isInvalid()).isTrue();
        assertThat(view.worth.get(AttendanceStatus.ABSENT).getErrorMessage()).isEqualTo("꼭 입력해 주세요.");
        assertThat(points.pointsOf(program)).isEqualTo(AttendancePoints.DEFAULTS);

        view.worth.get(AttendanceStatus.ABSENT).setValue(0);
        test(view.save).click();

        assertThat(view.worth.get(AttendanceStatus.LATE).isInvalid()).isTrue();
        assertThat(view.worth.get(AttendanceStatus.LATE).getErrorMessage()).isEqualTo("점수는 0에서 10 사이여야 합니다.");
        assertThat(view.worth.get(AttendanceStatus.ABSENT).isInvalid()).isFalse();
        assertThat(points.pointsOf(program)).isEqualTo(AttendancePoints.DEFAULTS);
        assertThat(rules.ruleOf(program)).isEqualTo(before);
    }

    @Test
    @WithUserDetails(STAFF)
    void present_of_zero_or_late_above_present_shows_at_its_field_and_stores_nothing() {
        ProgramId program = program(catalog, marked);
        CompletionRule before = rules.ruleOf(program);
        AttendancePoints pointsBefore = points.pointsOf(program);
        UI.getCurrent().navigate(ProgramCompletionView.path(program));
        ProgramCompletionView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        view.worth.get(AttendanceStatus.PRESENT).setValue(1);
        view.worth.get(AttendanceStatus.LATE).setValue(2);
        test(view.save).click();
        assertThat(view.worth.get(AttendanceStatus.LATE).isInvalid()).isTrue();
        assertThat(view.worth.get(AttendanceStatus.LATE).getErrorMessage()).isEqualTo("출석 점수(1점)보다 클 수 없습니다.");

        view.worth.get(AttendanceStatus.PRESENT).setValue(0);
        view.worth.get(AttendanceStatus.LATE).setValue(0);
        test(view.save).click();
        assertThat(view.worth.get(AttendanceStatus.PRESENT).isInvalid()).isTrue();
        assertThat(view.worth.get(AttendanceStatus.PRESENT).getErrorMessage())
                .isEqualTo("출석은 만점이므로 1점 이상(10점 이하)이어야 합니다.");
        assertThat(view.worth.get(AttendanceStatus.LATE).isInvalid()).isFalse();
        assertThat(points.pointsOf(program)).isEqualTo(pointsBefore);
        assertThat(rules.ruleOf(program)).isEqualTo(before);
    }

    @Test
    @WithUserDetails(TEACHER)
    void the_instructor_sees_progress_and_marks_a_portfolio_but_may_not_confirm_before_the_end() {
        OfferingCompletionView view = openCompletion(marked);

        assertThat(view.participantRows).containsOnlyKeys(marked.entries());
        assertThat(view.confirm.isEnabled()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Span.class, view.participantRows.get(marked.entries().get(0)))
                .all()).anySatisfy(s -> assertThat(s.getText()).isEqualTo("기준 충족"));

        test(view.portfolios.get(marked.entries().get(0))).click();

        assertThat(completions.progress(marked.id()).getFirst().portfolio()).isTrue();
        assertThat(completions.progress(marked.id()).get(1).portfolio()).isFalse();
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("completionPage.portfolioSaved",
                citizens.getFirst().displayName()));
    }

    @Test
    @WithUserDetails(TEACHER)
    void after_the_last_session_confirming_asks_first_then_lists_the_certificate_codes() {
        afterTheLastSession(confirming);
        OfferingCompletionView view = openCompletion(confirming);
        assertThat($(com.vaadin.flow.component.html.Span.class,
                view.participantRows.get(confirming.entries().get(2))).all())
                .anySatisfy(s -> assertThat(s.hasClassName("baeum-completion-unreachable")).isTrue());
        test(view.portfolios.get(confirming.entries().get(0))).click();
        assertThat(view.confirm.isEnabled()).isTrue();

        test(view.confirm).click();
        roundTrip(); // the opened dialog attaches itself to the UI
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(completions.confirmed(confirming.id())).isEmpty(); // nothing before the answer

        test(view.confirmYes).click();

        List<Completion> done = completions.confirmed(confirming.id());
        assertThat(done).extracting(Completion::completed).containsExactly(true, false, false);
        String code = done.getFirst().certificateCode();
        assertThat(code).isNotNull();
        assertThat($(Anchor.class, view.results).all()).extracting(Anchor::getHref)
                .containsExactly("certificates/" + code);
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("completionPage.confirmed", 1L, 3));
    }

    @Test
    @WithUserDetails(OTHER)
    void another_instructor_is_refused_the_completion_page() {
        UI.getCurrent().navigate(OfferingCompletionView.path(marked.id()));
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithUserDetails(TEACHER)
    void the_attendance_page_links_to_the_completion_page() {
        UI.getCurrent().navigate("instructor/offerings/" + marked.id().value() + "/attendance");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref)
                .contains(OfferingCompletionView.path(marked.id()));
    }
}
