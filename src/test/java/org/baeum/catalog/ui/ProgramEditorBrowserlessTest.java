package org.baeum.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Classification;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The program form's classification: the sub-categories follow the area, and a program is saved only with an area. */
@BaeumIntegrationTest
class ProgramEditorBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CatalogService catalog;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        org.baeum.DemoCatalogFixture.load(contributors);
        accounts.create("classifier", Role.STAFF);
    }

    private ProgramEditor newProgram() {
        navigate(PlanningView.class);
        test($(Button.class).all().stream().filter(b -> b.getText().equals("새 프로그램")).findFirst().orElseThrow()).click();
        return (ProgramEditor) $(Dialog.class).all().stream().filter(d -> d instanceof ProgramEditor).findFirst()
                .orElseThrow();
    }

    private static List<LearningSubcategory> offered(ProgramEditor editor) {
        return editor.subcategory.getListDataView().getItems().toList();
    }

    @Test
    @WithUserDetails("classifier")
    void the_sub_categories_are_those_of_the_chosen_area_and_a_choice_of_another_area_is_cleared() {
        ProgramEditor editor = newProgram();
        assertThat(editor.area.getLabel()).isEqualTo("평생교육 영역");
        assertThat(editor.subcategory.isEnabled()).isFalse();

        editor.area.setValue(LearningArea.CULTURE_ARTS);
        assertThat(offered(editor)).containsExactly(LearningSubcategory.LEISURE_SPORTS, LearningSubcategory.EVERYDAY_ARTS,
                LearningSubcategory.ARTS_ADVANCEMENT);
        editor.subcategory.setValue(LearningSubcategory.LEISURE_SPORTS);

        editor.area.setValue(LearningArea.ADULT_LITERACY);
        assertThat(offered(editor)).containsExactly(LearningSubcategory.LITERACY_BASICS,
                LearningSubcategory.BASIC_LIFE_SKILLS, LearningSubcategory.LITERACY_ACCOUNT);
        assertThat(editor.subcategory.getValue()).isNull();

        editor.area.setValue(LearningArea.CAREER_DEVELOPMENT); // a 2023 area without 6진 sub-categories
        assertThat(offered(editor)).isEmpty();
        assertThat(editor.subcategory.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("classifier")
    void without_an_area_the_message_is_at_the_area_and_nothing_is_stored_then_the_classification_is_saved() {
        int before = catalog.programs().size();
        ProgramEditor editor = newProgram();
        editor.titleKo.setValue("마을 합창단");
        editor.domain.setValue(PolicyDomain.SUPPORT_SYSTEM);
        editor.audience.setValue(Audience.ADULT);
        editor.kind.setValue(ProgramKind.CLASS);
        editor.branch.setValue(new BranchId("main"));
        editor.fee.setValue(30_000);
        test(editor.save).click();

        assertThat(editor.area.isInvalid()).isTrue();
        assertThat(editor.area.getErrorMessage()).isEqualTo("평생교육 영역을 골라 주세요.");
        assertThat(editor.isOpened()).isTrue();
        assertThat(catalog.programs()).hasSize(before);

        editor.area.setValue(LearningArea.CULTURE_ARTS);
        editor.subcategory.setValue(LearningSubcategory.EVERYDAY_ARTS);
        test(editor.save).click();

        assertThat(editor.isOpened()).isFalse();
        assertThat(catalog.programs()).hasSize(before + 1).filteredOn(p -> p.titleKo().equals("마을 합창단"))
                .singleElement().extracting(p -> p.classification())
                .isEqualTo(Classification.of(LearningSubcategory.EVERYDAY_ARTS));
    }

    @Test
    @WithUserDetails("classifier")
    void what_to_bring_too_long_is_refused_at_its_field_then_saved_and_shown_again_when_the_program_is_edited() {
        int before = catalog.programs().size();
        ProgramEditor editor = newProgram();
        editor.titleKo.setValue("마을 서예교실");
        editor.domain.setValue(PolicyDomain.SUPPORT_SYSTEM);
        editor.area.setValue(LearningArea.CULTURE_ARTS);
        editor.audience.setValue(Audience.ADULT);
        editor.kind.setValue(ProgramKind.CLASS);
        editor.branch.setValue(new BranchId("main"));
        editor.fee.setValue(30_000);
        editor.whatToBringKo.setValue("붓".repeat(301));
        editor.whatToBringEn.setValue("A brush and an inkstone");
        test(editor.save).click();

        assertThat(editor.whatToBringKo.isInvalid()).isTrue();
        assertThat(editor.whatToBringKo.getErrorMessage()).isEqualTo("300자 이하로 입력해 주세요.");
        assertThat(editor.whatToBringEn.isInvalid()).isFalse();
        assertThat(editor.isOpened()).isTrue();
        assertThat(catalog.programs()).hasSize(before);

        editor.whatToBringKo.setValue("붓과 벼루, 먹, 화선지");
        test(editor.save).click();
        assertThat(editor.isOpened()).isFalse();
        Program saved = catalog.programs().stream().filter(p -> p.titleKo().equals("마을 서예교실")).findFirst()
                .orElseThrow();
        assertThat(saved.whatToBringKo()).isEqualTo("붓과 벼루, 먹, 화선지");
        assertThat(saved.whatToBringEn()).isEqualTo("A brush and an inkstone");

        ProgramEditor again = new ProgramEditor(catalog, List.of(), saved, false, id -> { });
        again.open();
        roundTrip();
        assertThat(again.whatToBringKo.getValue()).isEqualTo("붓과 벼루, 먹, 화선지");
        assertThat(again.whatToBringEn.getValue()).isEqualTo("A brush and an inkstone");
        again.whatToBringKo.setValue("  ");
        again.whatToBringEn.setValue("");
        test(again.save).click();
        assertThat(again.isOpened()).isFalse();
        Program cleared = catalog.program(saved.id()).orElseThrow();
        assertThat(cleared.whatToBringKo()).isNull();
        assertThat(cleared.whatToBringEn()).isNull();
        assertThat(cleared.whatToBring(java.util.Locale.KOREAN)).isEmpty();
    }

    @Test
    @WithUserDetails("classifier")
    void saving_in_the_editor_keeps_the_accessibility_notes_and_changes_them_when_edited() {
        Program program = catalog.programs().stream().filter(p -> p.titleKo().equals("마을 서예교실")
                || p.id() != null).findFirst().orElseThrow();
        // notes set elsewhere (the API, an import): the editor shows them and saving keeps them
        catalog.saveProgram(draftOf(program, "휠체어로 들어올 수 있습니다.", "Step-free entrance."));
        ProgramEditor editor = new ProgramEditor(catalog, List.of(), catalog.program(program.id()).orElseThrow(), false,
                id -> { });
        editor.open();
        roundTrip();
        assertThat(editor.accessibilityNoteKo.getValue()).isEqualTo("휠체어로 들어올 수 있습니다.");
        test(editor.save).click();
        assertThat(editor.isOpened()).isFalse();
        Program kept = catalog.program(program.id()).orElseThrow();
        assertThat(kept.accessibilityNoteKo()).isEqualTo("휠체어로 들어올 수 있습니다.");
        assertThat(kept.accessibilityNoteEn()).isEqualTo("Step-free entrance.");

        ProgramEditor again = new ProgramEditor(catalog, List.of(), kept, false, id -> { });
        again.open();
        roundTrip();
        again.accessibilityNoteEn.setValue("Step-free entrance; sign language on request.");
        test(again.save).click();
        assertThat(catalog.program(program.id()).orElseThrow().accessibilityNoteEn())
                .isEqualTo("Step-free entrance; sign language on request.");
    }

    private static org.baeum.catalog.ProgramDraft draftOf(Program p, String noteKo, String noteEn) {
        return new org.baeum.catalog.ProgramDraft(p.id(), p.titleKo(), p.titleEn(), p.descriptionKo(), p.descriptionEn(),
                p.domain(), p.audience(), p.kind(), p.minAge(), p.maxAge(), p.branchId(), p.instructors(), p.fee(),
                p.feeReductionsApply(), p.format(), p.accessibility(), noteKo, noteEn, p.classification(),
                p.whatToBringKo(), p.whatToBringEn());
    }
}
