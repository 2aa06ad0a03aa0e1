package org.baeum.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.checkbox.Checkbox;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.DemoCatalogFixture;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.ClassReminders;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** The class-reminder screens (decision 0049): the per-class switch on My learning and STAFF's hour. */
@BaeumIntegrationTest
class ClassReminderViewsBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    ClassReminders reminders;

    static EnrollmentFixture fixture;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts.citizen("cr-citizen@example.com", "알림이", LocalDate.of(1984, 5, 5));
        accounts.create("cr-staff", Role.STAFF);
    }

    @BeforeEach
    void signedInSession() {
        Scenes.signedInSession();
    }

    @Test
    @WithUserDetails("cr-citizen@example.com")
    void a_citizen_switches_reminders_before_every_session_of_a_class() {
        Enrollment mine = enrollments.enroll(fixture.offering(5, 0), null, UUID.randomUUID().toString());
        MyLearningView view = AopTestUtils.getUltimateTargetObject(navigate(MyLearningView.class));
        Checkbox box = $(Checkbox.class, view.upcoming).single();
        assertThat(box.getLabel()).isEqualTo("수업마다 전날 알림 받기");
        assertThat(box.getValue()).isFalse();
        test(box).click();
        assertThat(reminders.everySession(mine.id())).isTrue();
        assertThat(view.status.getText()).isEqualTo("수업마다 전날 알림을 보내 드립니다.");
        test(box).click();
        assertThat(reminders.everySession(mine.id())).isFalse();
    }

    @Test
    @WithUserDetails("cr-staff")
    void staff_set_the_hour_and_a_bad_one_is_refused_at_the_field() {
        ReminderSettingsView view = AopTestUtils.getUltimateTargetObject(navigate(ReminderSettingsView.class));
        assertThat(view.hour.getValue()).isEqualTo(18);
        view.hour.setValue(24);
        test(view.save).click();
        assertThat(view.hour.isInvalid()).isTrue();
        assertThat(view.hour.getErrorMessage()).isEqualTo("알림 시각은 0시에서 23시 사이로 정해 주세요.");
        assertThat(reminders.reminderHour()).isEqualTo(18);
        view.hour.setValue(19);
        test(view.save).click();
        try {
            assertThat(view.hour.isInvalid()).isFalse();
            assertThat(reminders.reminderHour()).isEqualTo(19);
            assertThat(view.status.getText()).isEqualTo("이제 수업 전날 19시에 알림을 보냅니다.");
        } finally {
            reminders.changeReminderHour(18);
        }
    }
}
