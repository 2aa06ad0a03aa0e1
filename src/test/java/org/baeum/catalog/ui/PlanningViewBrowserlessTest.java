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
        editor.opens.setValue(LocalDate.now().atTime(10, 0));
        editor.closes.setValue(first.minusDays(1).atTime(18, 0));
        test(editor.save).click();

        assertThat(editor.isOpened()).as("closed after saving: " + editor.closes.getErrorMessage()
                + editor.firstDate.getErrorMessage() + editor.lastDate.getErrorMessage() + editor.room.getErrorMessage()).isFalse();
        assertThat(stored()).isEqualTo(before + 1);
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
