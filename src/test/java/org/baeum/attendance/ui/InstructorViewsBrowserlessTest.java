package org.baeum.attendance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.enrollment.EnrollmentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The instructor's home and attendance page in the browserless kit: only their own classes, another instructor
 * refused, marks saved at once (one tap, then "all present"), a save the 7-day limit refuses shown as not saved with
 * the reason, and opening a contact written to the access log.
 */
@BaeumIntegrationTest
class InstructorViewsBrowserlessTest extends SpringBrowserlessTest {

    static final String TEACHER = "av-teacher";
    static final String OTHER = "av-other";
    static BaeumUser teacher;
    static BaeumUser admin;
    static List<BaeumUser> citizens;
    /** A class of {@link #TEACHER}'s per test (created before the tests, when nobody is signed in). */
    static Taught home;
    static Taught refused;
    static Taught marking;
    static Taught late;
    static Taught contact;
    /** A class of {@link #OTHER}'s. */
    static Taught others;

    @Autowired
    Attendance attendance;
    @Autowired
    AccessLog accessLog;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired AttendanceClasses fixture, @Autowired TestAccounts accounts) {
        AttendanceClasses classes = fixture.withDemoCatalog();
        teacher = accounts.create(TEACHER, Role.INSTRUCTOR);
        BaeumUser other = accounts.create(OTHER, Role.INSTRUCTOR);
        admin = accounts.create("av-admin", Role.ADMIN);
        accounts.create("av-staff", Role.STAFF);
        citizens = accounts.citizens("av-", "출석뷰", 3, LocalDate.of(1958, 5, 1));
        home = classes.taught(teacher, citizens);
        refused = classes.taught(teacher, citizens);
        marking = classes.taught(teacher, citizens);
        late = classes.taught(teacher, citizens);
        contact = classes.taught(teacher, citizens);
        others = classes.taught(other, citizens);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void moveTo(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, day)));
    }

    private AttendanceView open(Taught c, LocalDate session) {
        UI.getCurrent().navigate(AttendanceView.path(c.id()));
        AttendanceView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        if (!session.equals(view.session.getValue())) {
            view.session.setValue(session);
        }
        return view;
    }

    private static MarkRow row(AttendanceView view, EnrollmentId id) {
        return view.markRows.stream().filter(r -> r.enrollmentId.equals(id)).findFirst().orElseThrow();
    }

    private Map<LocalDate, AttendanceStatus> stored(Taught c, EnrollmentId id) {
        return attendance.sheet(c.id()).rows().stream().filter(r -> r.enrollmentId().equals(id))
                .map(AttendanceSheet.Row::marks).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails(TEACHER)
    void the_home_lists_todays_session_and_the_instructors_classes_but_not_another_instructors() {
        moveTo(home.sessions().getFirst());
        UI.getCurrent().navigate(InstructorHomeView.class);
        InstructorHomeView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        List<String> classes = $(Anchor.class, view.classes).all().stream().map(Anchor::getHref).toList();
        assertThat(classes).contains(AttendanceView.path(home.id()), AttendanceView.path(marking.id()))
                .doesNotContain(AttendanceView.path(others.id()));
        assertThat($(Anchor.class, view.today).all()).extracting(Anchor::getHref)
                .contains(AttendanceView.path(home.id())).doesNotContain(AttendanceView.path(others.id()));
    }

    @Test
    @WithUserDetails(OTHER)
    void another_instructor_is_refused_the_attendance_page_of_a_class_they_do_not_teach() {
        UI.getCurrent().navigate(AttendanceView.path(refused.id()));
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);

        UI.getCurrent().navigate(AttendanceView.path(others.id())); // their own class opens
        assertThat(AopTestUtils.<Object>getUltimateTargetObject(getCurrentView())).isInstanceOf(AttendanceView.class);
    }

    @Test
    @WithUserDetails(TEACHER)
    void one_tap_then_all_present_saves_each_mark_at_once() {
        LocalDate day = marking.sessions().getFirst();
        AttendanceView view = open(marking, day);
        EnrollmentId late = marking.entries().get(1);

        test(row(view, late).buttons.get(AttendanceStatus.LATE)).click();

        assertThat(stored(marking, late)).isEqualTo(Map.of(day, AttendanceStatus.LATE));
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("attendancePage.saved"));
        assertThat(row(view, late).buttons.get(AttendanceStatus.LATE).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(row(view, late).buttons.get(AttendanceStatus.PRESENT).getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(row(view, late).buttons.get(AttendanceStatus.LATE).getElement().getAttribute("aria-label"))
                .isEqualTo(citizens.get(1).displayName() + ": 지각");

        test(view.allPresent).click();

        assertThat(stored(marking, marking.entries().get(0))).isEqualTo(Map.of(day, AttendanceStatus.PRESENT));
        assertThat(stored(marking, late)).isEqualTo(Map.of(day, AttendanceStatus.LATE));
        assertThat(stored(marking, marking.entries().get(2))).isEqualTo(Map.of(day, AttendanceStatus.PRESENT));
        assertThat(view.unsaved).isEmpty();
        assertThat(view.retry.isVisible()).isFalse();
        assertThat(view.status.getElement().getAttribute("role")).isEqualTo("status");
    }

    @Test
    @WithUserDetails(TEACHER)
    void a_save_after_the_seven_day_limit_is_refused_shown_as_not_saved_and_changes_nothing() {
        LocalDate day = late.sessions().getFirst();
        moveTo(day.plusDays(Attendance.EDIT_DAYS + 1));
        AttendanceView view = open(late, day);
        EnrollmentId who = late.entries().getFirst();

        test(row(view, who).buttons.get(AttendanceStatus.ABSENT)).click();

        assertThat(view.status.getText()).isEqualTo(view.getTranslation("attendancePage.refusedLate", 7, 1));
        assertThat(view.retry.isVisible()).isTrue();
        assertThat(view.unsaved).isEqualTo(Map.of(who, AttendanceStatus.ABSENT));
        assertThat(row(view, who).buttons.get(AttendanceStatus.ABSENT).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(stored(late, who)).isEmpty();

        test(view.retry).click(); // still refused: nothing is lost, nothing is stored
        assertThat(view.unsaved).containsKey(who);
        assertThat(stored(late, who)).isEmpty();

        view.session.setValue(late.sessions().get(1)); // leaving the session says what was dropped
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("attendancePage.dropped", 1,
                Formats.date(day, java.util.Locale.KOREAN)));
        assertThat(view.unsaved).isEmpty();
        assertThat(stored(late, who)).isEmpty();
    }

    @Test
    @WithUserDetails(TEACHER)
    void opening_a_contact_shows_it_and_writes_the_access_log() {
        AttendanceView view = open(contact, contact.sessions().getFirst());
        Button show = $(Button.class, view.roster).all().stream().filter(b -> b.hasClassName("baeum-show-contact"))
                .findFirst().orElseThrow();
        // the accessible name starts with the visible text (WCAG 2.5.3), then whose contact it is
        assertThat(show.getText()).isEqualTo("연락처 보기");
        assertThat(show.getElement().getAttribute("aria-label")).startsWith("연락처 보기: ");

        test(show).click();

        String email = $(Paragraph.class, view.roster.dialog).all().stream()
                .filter(p -> p.hasClassName("baeum-contact-email")).findFirst().orElseThrow().getText();
        BaeumUser shown = citizens.stream().filter(c -> c.getUsername().equals(email)).findFirst().orElseThrow();
        TestAccounts.signIn(admin);
        assertThat(accessLog.recordedFor(shown.accountId(), 0, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.VIEW_CONTACT);
            assertThat(e.actorAccountId()).isEqualTo(teacher.accountId());
            assertThat(e.detail()).contains(contact.id().value());
        });
    }

    @Test
    @WithUserDetails("av-staff")
    void staff_get_a_pointer_to_the_desk_at_home_and_open_any_class_without_the_instructors_contact_button() {
        UI.getCurrent().navigate(InstructorHomeView.class);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("staff/enrollments");

        AttendanceView view = open(home, home.sessions().getFirst());
        assertThat(view.markRows).hasSize(3);
        assertThat($(Button.class, view.roster).all()).noneMatch(b -> b.hasClassName("baeum-show-contact"));
    }
}
