package org.baeum.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Staff plan classes: problems show at the fields and nothing is stored; a correct offering is stored as a draft. */
@BaeumIntegrationTest
class PlanningViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CatalogService catalog;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        org.baeum.DemoCatalogFixture.load(contributors);
        accounts.create("planner", Role.STAFF);
    }

    private long stored() {
        return SystemIdentity.call(() -> catalog.searchForStaff(CatalogQuery.all()).total());
    }

    @Test
    @WithUserDetails("planner")
    void bad_input_is_shown_at_the_fields_and_nothing_is_stored() {
        PlanningView view = navigate(PlanningView.class);
        long before = stored();
        test($(com.vaadin.flow.component.button.Button.class).all().stream()
                .filter(b -> b.getText().equals("새 강좌 개설")).findFirst().orElseThrow()).click();
        OfferingEditor editor = (OfferingEditor) $(Dialog.class).all().stream()
                .filter(d -> d instanceof OfferingEditor).findFirst().orElseThrow();
        editor.program.setValue(catalog.programs().getFirst());
        editor.weekdays.setValue(Set.of(DayOfWeek.SUNDAY));
        editor.startTime.setValue(LocalTime.of(12, 0));
        editor.endTime.setValue(LocalTime.of(11, 0));
        editor.capacity.setValue(0);
        test(editor.save).click();

        assertThat(editor.endTime.isInvalid()).isTrue();
        assertThat(editor.endTime.getErrorMessage()).isEqualTo("끝은 시작보다 뒤여야 합니다.");
        assertThat(editor.capacity.isInvalid()).isTrue();
        assertThat(editor.capacity.getErrorMessage()).isEqualTo("정원은 1명 이상이어야 합니다.");
        assertThat(editor.room.isInvalid()).isTrue();
        assertThat(editor.room.getErrorMessage()).isEqualTo("꼭 입력해 주세요.");
        assertThat(editor.isOpened()).isTrue();
        assertThat(stored()).isEqualTo(before);
        assertThat(view).isNotNull();
    }

    @Test
    @WithUserDetails("planner")
    void a_correct_offering_is_stored_as_a_draft() {
        navigate(PlanningView.class);
        long before = stored();
        test($(com.vaadin.flow.component.button.Button.class).all().stream()
                .filter(b -> b.getText().equals("새 강좌 개설")).findFirst().orElseThrow()).click();
        OfferingEditor editor = (OfferingEditor) $(Dialog.class).all().stream()
                .filter(d -> d instanceof OfferingEditor).findFirst().orElseThrow();
        var program = catalog.programs().stream().filter(p -> p.titleKo().equals("캘리그라피 기초")).findFirst().orElseThrow();
        editor.program.setValue(program);
        var term = editor.term.getValue();
        editor.room.setValue(catalog.branches().getFirst().rooms().stream().filter(r -> r.id().equals("main-club")).findFirst().orElseThrow());
        editor.weekdays.setValue(Set.of(DayOfWeek.SUNDAY));
        editor.startTime.setValue(LocalTime.of(9, 0));
        editor.endTime.setValue(LocalTime.of(10, 0));
        editor.capacity.setValue(8);
        LocalDate first = term.startDate().isAfter(LocalDate.now()) ? term.startDate() : LocalDate.now().plusDays(14);
        editor.firstDate.setValue(first);
        editor.lastDate.setValue(term.endDate());
        editor.phases.rows().getFirst().opens.setValue(LocalDate.now().atTime(10, 0));
        editor.phases.rows().getFirst().closes.setValue(first.minusDays(1).atTime(18, 0));
        test(editor.save).click();

        assertThat(editor.isOpened()).as("closed after saving: " + editor.phases.rows().getFirst().closes.getErrorMessage()
                + editor.firstDate.getErrorMessage() + editor.lastDate.getErrorMessage() + editor.room.getErrorMessage()).isFalse();
        assertThat(stored()).isEqualTo(before + 1);
    }

    private OfferingEditor newOfferingEditor() {
        test($(com.vaadin.flow.component.button.Button.class).all().stream()
                .filter(b -> b.getText().equals("새 강좌 개설")).findFirst().orElseThrow()).click();
        return (OfferingEditor) $(Dialog.class).all().stream()
                .filter(d -> d instanceof OfferingEditor).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails("planner")
    void overlapping_phases_are_shown_at_the_phase_and_nothing_is_stored_until_they_follow_each_other() {
        navigate(PlanningView.class);
        long before = stored();
        OfferingEditor editor = newOfferingEditor();
        editor.program.setValue(catalog.programs().stream().filter(p -> p.titleKo().equals("캘리그라피 기초"))
                .findFirst().orElseThrow());
        var term = editor.term.getValue();
        editor.room.setValue(catalog.branches().getFirst().rooms().stream().filter(r -> r.id().equals("main-club"))
                .findFirst().orElseThrow());
        editor.weekdays.setValue(Set.of(DayOfWeek.SUNDAY));
        editor.startTime.setValue(LocalTime.of(11, 0));
        editor.endTime.setValue(LocalTime.of(12, 0));
        editor.capacity.setValue(8);
        LocalDate first = term.startDate().isAfter(LocalDate.now().plusDays(14)) ? term.startDate() : LocalDate.now().plusDays(21);
        editor.firstDate.setValue(first);
        editor.lastDate.setValue(term.endDate());
        var draw = editor.phases.rows().getFirst();
        draw.kind.setValue(RecruitmentMethod.LOTTERY);
        draw.opens.setValue(LocalDate.now().atTime(10, 0));
        draw.closes.setValue(LocalDate.now().plusDays(5).atTime(18, 0));
        test(editor.phases.addButton()).click();
        var leftovers = editor.phases.rows().get(1);
        assertThat(leftovers.opens.getValue()).as("a new phase opens when the last one closes").isEqualTo(draw.closes.getValue());
        assertThat(leftovers.kind.getValue()).isEqualTo(RecruitmentMethod.FIRST_COME);
        leftovers.opens.setValue(LocalDate.now().plusDays(3).atTime(10, 0));
        leftovers.closes.setValue(first.minusDays(1).atTime(18, 0));
        test(editor.save).click();

        assertThat(leftovers.opens.isInvalid()).isTrue();
        assertThat(leftovers.opens.getErrorMessage())
                .isEqualTo("1차 모집이 마감된 뒤에 시작해야 합니다. 모집 단계는 겹치지 않고 차례대로여야 합니다.");
        assertThat(draw.opens.isInvalid()).isFalse();
        assertThat(editor.isOpened()).isTrue();
        assertThat(stored()).isEqualTo(before);

        leftovers.opens.setValue(LocalDate.now().plusDays(7).atTime(10, 0));
        test(editor.save).click();
        assertThat(editor.isOpened()).as("saved: " + leftovers.opens.getErrorMessage() + leftovers.closes.getErrorMessage())
                .isFalse();
        assertThat(stored()).isEqualTo(before + 1);
        var saved = SystemIdentity.call(() -> catalog.searchForStaff(CatalogQuery.parse(java.util.Map.of(
                "term", List.of(term.id().value()), "size", List.of("100")))).items()).stream()
                .filter(o -> o.schedule().startTime().equals(LocalTime.of(11, 0))
                        && o.schedule().weekdays().equals(Set.of(DayOfWeek.SUNDAY)))
                .findFirst().orElseThrow();
        assertThat(saved.recruitment().phases()).extracting(RecruitmentPhase::method)
                .containsExactly(RecruitmentMethod.LOTTERY, RecruitmentMethod.FIRST_COME);
    }

    @Test
    @WithUserDetails("planner")
    void phases_are_added_up_to_six_numbered_in_order_and_the_last_one_stays() {
        navigate(PlanningView.class);
        OfferingEditor editor = newOfferingEditor();
        PhasesEditor phases = editor.phases;
        assertThat(phases.rows()).hasSize(1);
        assertThat(phases.rows().getFirst().remove.isEnabled()).isFalse();
        assertThat(phases.rows().getFirst().opens.getLabel()).isEqualTo("1차 모집 시작");
        for (int i = 0; i < 5; i++) {
            test(phases.addButton()).click();
        }
        assertThat(phases.rows()).hasSize(6);
        assertThat(phases.addButton().isEnabled()).isFalse();
        assertThat(phases.rows().getLast().closes.getLabel()).isEqualTo("6차 모집 마감");
        var third = phases.rows().get(2);
        test(phases.rows().get(1).remove).click();
        assertThat(phases.rows()).hasSize(5);
        assertThat(third.title.getText()).as("renumbered").isEqualTo("2차 모집");
        assertThat(third.remove.getAriaLabel()).hasValue("2차 모집 단계 삭제");
        assertThat(phases.addButton().isEnabled()).isTrue();
        while (phases.rows().size() > 1) {
            test(phases.rows().getLast().remove).click();
        }
        assertThat(phases.rows().getFirst().remove.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("planner")
    void a_program_is_copied_into_a_new_one() {
        PlanningView view = navigate(PlanningView.class);
        int before = catalog.programs().size();
        var source = catalog.programs().getFirst();
        view.programEditor(source, true); // what the row's "복사" button does
        ProgramEditor editor = (ProgramEditor) $(Dialog.class).all().stream()
                .filter(d -> d instanceof ProgramEditor).findFirst().orElseThrow();
        assertThat(editor.titleKo.getValue()).isEqualTo(source.titleKo());
        editor.titleKo.setValue(source.titleKo() + " (야간반)");
        test(editor.save).click();
        assertThat(catalog.programs()).hasSize(before + 1)
                .anySatisfy(p -> assertThat(p.titleKo()).isEqualTo(source.titleKo() + " (야간반)"))
                .anySatisfy(p -> assertThat(p.id()).isEqualTo(source.id()));
    }
}
