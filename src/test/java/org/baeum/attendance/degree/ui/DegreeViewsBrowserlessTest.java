package org.baeum.attendance.degree.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.CitizenSummary;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.degree.DegreeLevel;
import org.baeum.attendance.degree.DegreeRuleDraft;
import org.baeum.attendance.degree.DegreeRuleSet;
import org.baeum.attendance.degree.DegreeRules;
import org.baeum.attendance.degree.DegreeRulesFixture;
import org.baeum.attendance.degree.Degrees;
import org.baeum.attendance.transcript.CompletedClass;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.attendance.AttendanceClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The ADMIN rules view (messages at the fields, nothing saved on bad input, a new version in the history) and the
 * STAFF desk (search, a refused award in words, an output approved, levels awarded in order).
 */
@BaeumIntegrationTest
class DegreeViewsBrowserlessTest extends SpringBrowserlessTest {

    static BaeumUser admin;
    static double hours;

    @Autowired
    DegreeRules rules;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts, @Autowired CatalogService catalog,
                     @Autowired MutableClock clock, @Autowired AttendanceClasses fixture,
                     @Autowired CompletionRules completionRules, @Autowired Attendance attendance,
                     @Autowired Completions completions) {
        fixture.withDemoCatalog();
        admin = accounts.create("dv-admin", Role.ADMIN);
        BaeumUser staff = accounts.create("dv-staff", Role.STAFF);
        BaeumUser teacher = accounts.create("dv-teacher", Role.INSTRUCTOR);
        BaeumUser holder = accounts.citizen("dv.holder@test.baeum", "학위뷰시민", LocalDate.of(1954, 4, 4));
        BaeumUser absent = accounts.citizen("dv.absent@test.baeum", "학위뷰결석", LocalDate.of(1955, 5, 5));
        hours = CompletedClass.of(teacher, staff, List.of(holder, absent), fixture, catalog, clock,
                completionRules, attendance, completions).confirmed().stream().filter(c -> c.name().equals("학위뷰시민"))
                .findFirst().orElseThrow().hours();
    }

    @Test
    @WithUserDetails("dv-admin")
    void admin_sees_messages_at_the_fields_and_a_valid_save_adds_a_version() {
        DegreeRulesView view = AopTestUtils.getUltimateTargetObject(navigate(DegreeRulesView.class));
        int versions = rules.history().size();
        view.hours.get(DegreeLevel.MASTER).setValue(0); // typed; the field's own minimum is only a hint
        view.effectiveFrom.setValue(today().minusDays(1));
        test(view.save).click();

        assertThat(view.hours.get(DegreeLevel.MASTER).isInvalid()).isTrue();
        assertThat(view.hours.get(DegreeLevel.MASTER).getErrorMessage()).isEqualTo("1시간부터 10,000시간 사이로 입력해 주세요.");
        assertThat(view.hours.get(DegreeLevel.BACHELOR).isInvalid()).isFalse();
        assertThat(view.effectiveFrom.getErrorMessage()).startsWith("오늘 또는 그 이후 날짜를 골라 주세요.");
        assertThat(rules.history()).hasSize(versions);

        test(view.hours.get(DegreeLevel.MASTER)).setValue(250);
        view.effectiveFrom.setValue(today());
        test(view.save).click();
        assertThat(view.hours.get(DegreeLevel.MASTER).isInvalid()).isFalse();
        List<DegreeRuleSet> history = rules.history();
        assertThat(history).hasSize(versions + 1);
        assertThat(history.getFirst().of(DegreeLevel.MASTER).hours()).isEqualTo(250);
        assertThat(test(view.history).size()).isEqualTo(versions + 1);
        assertThat(test(view.history).getCellText(0, 0)).isEqualTo(String.valueOf(history.getFirst().version()));
        assertThat(view.current.getText()).startsWith("현재 기준: " + history.getFirst().version() + "판");
    }

    @Test
    @WithUserDetails("dv-admin")
    void a_save_based_on_an_older_version_is_refused_in_words_and_the_button_saves_once_per_click() {
        DegreeRulesView view = AopTestUtils.getUltimateTargetObject(navigate(DegreeRulesView.class));
        assertThat(view.save.isDisableOnClick()).isTrue();
        // another ADMIN saves while this form is open
        DegreeRuleSet theirs = DegreeRulesFixture.save(rules, admin, today(), 120, 220, 320);
        int versions = rules.history().size();

        test(view.hours.get(DegreeLevel.BACHELOR)).setValue(130);
        view.effectiveFrom.setValue(today());
        test(view.save).click();

        assertThat(view.problem.getText())
                .isEqualTo("그사이 다른 관리자가 새 기준을 저장했습니다. 화면을 새로 고친 뒤 다시 저장해 주세요.");
        assertThat(rules.history()).hasSize(versions);
        assertThat(rules.latest().version()).isEqualTo(theirs.version());
        assertThat(view.save.isEnabled()).isTrue();

        // the same form reloaded is based on their version and saves
        view = AopTestUtils.getUltimateTargetObject(navigate(DegreeRulesView.class));
        test(view.hours.get(DegreeLevel.BACHELOR)).setValue(130);
        view.effectiveFrom.setValue(today());
        test(view.save).click();
        assertThat(view.problem.getText()).isEmpty();
        assertThat(rules.history()).hasSize(versions + 1);
        assertThat(rules.latest().of(DegreeLevel.BACHELOR).hours()).isEqualTo(130);
        assertThat(view.save.isEnabled()).isTrue();
    }

    @Test
    void a_second_save_of_the_same_loaded_version_is_refused() {
        DegreeRuleSet loaded = DegreeRulesFixture.save(rules, admin, today(), 140, 240, 340);
        TestAccounts.signIn(admin);
        try {
            DegreeRuleDraft draft = new DegreeRuleDraft(today(), DegreeRuleSet.SEOUL, 0);
            DegreeRuleSet once = rules.save(loaded.version(), draft);
            assertThat(once.version()).isEqualTo(loaded.version() + 1);
            assertThatThrownBy(() -> rules.save(loaded.version(), draft))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(FieldProblem.of("version", "degreeRules.error.concurrent")));
            assertThat(rules.latest().version()).isEqualTo(once.version());
        } finally {
            TestAccounts.signOut();
        }
    }

    @Test
    @WithUserDetails("dv-staff")
    void staff_find_a_citizen_are_refused_in_words_then_approve_the_output_and_award_in_order() {
        int whole = (int) Math.floor(hours);
        DegreeRulesFixture.save(rules, admin, today(), whole + 1, 300, 1000);
        StaffDegreesView view = AopTestUtils.getUltimateTargetObject(navigate(StaffDegreesView.class));
        test(view.query).setValue("학위뷰시민");
        test(view.search).click();
        assertThat(test(view.grid).size()).isEqualTo(1);
        CitizenSummary row = test(view.grid).getRow(0);
        assertThat(row.maskedName()).doesNotContain("뷰시").startsWith("학");
        view.grid.select(row);

        DegreeCard card = $(DegreeCard.class).single();
        test(card.award).click();
        assertThat(card.message.getText())
                .isEqualTo("학습 시간이 부족합니다. " + Degrees.hours(whole + 1 - hours) + "시간이 더 필요합니다.");

        DegreeRulesFixture.save(rules, admin, today(), 1, 1, 1000);
        view.open(row);
        test($(DegreeCard.class).single().award).click();
        DegreeCard master = $(DegreeCard.class).single();
        assertThat(master.award.getText()).isEqualTo("석사 수여");
        // whose output: in the field's label and the button's accessible name, after the visible text (WCAG 2.5.3)
        assertThat(master.description.getLabel()).isEqualTo("산출물 설명: 학위뷰시민");
        assertThat(master.approve.getText()).isEqualTo("석사 산출물 승인");
        assertThat(master.approve.getElement().getAttribute("aria-label")).isEqualTo("석사 산출물 승인: 학위뷰시민");
        test(master.approve).click();
        assertThat(master.description.isInvalid()).isTrue();
        assertThat(master.description.getErrorMessage()).isEqualTo("꼭 입력해 주세요.");
        test(master.award).click();
        assertThat(master.message.getText()).isEqualTo("이 단계에 필요한 산출물이 아직 승인되지 않았습니다.");

        test(master.description).setValue("마을 기록집 공동 집필");
        test(master.approve).click();
        test($(DegreeCard.class).single().award).click();
        DegreeCard doctor = $(DegreeCard.class).single();
        assertThat(doctor.award.getText()).isEqualTo("박사 수여");
        assertThat($(ListItem.class, doctor).all()).extracting(li -> li.getElement().getTextRecursively())
                .anySatisfy(t -> assertThat(t).startsWith("학사 · "))
                .anySatisfy(t -> assertThat(t).startsWith("석사 · "))
                .anySatisfy(t -> assertThat(t).contains("마을 기록집 공동 집필"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }
}
