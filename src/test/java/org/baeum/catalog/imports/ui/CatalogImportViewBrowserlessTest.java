package org.baeum.catalog.imports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.baeum.catalog.imports.ImportFiles;
import org.baeum.catalog.imports.ImportOutcome;
import org.baeum.catalog.imports.ImportRowResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** The import screen: a file with an error previews it and cannot be applied; a good one is applied once. */
@BaeumIntegrationTest
class CatalogImportViewBrowserlessTest extends SpringBrowserlessTest {

    static final String TERM = "import-view-2027-fall";

    @Autowired
    CatalogService catalog;

    @BeforeAll
    static void setUp(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.userOrCreate("import-ui-staff", Role.STAFF);
        accounts.userOrCreate("import-ui-citizen", Role.CITIZEN);
        accounts.userOrCreate("import-ui-instructor", Role.INSTRUCTOR);
    }

    private static Map<String, Object> program(String code) {
        return new HashMap<>(Map.of("code", code, "titleKo", "화면 가져오기 " + code, "branchId", "main",
                "domain", "ACCESS", "area", "인문교양교육", "audience", "성인", "kind", "CLASS", "fee", 0));
    }

    private static Map<String, Object> offering(String code, String program, int capacity) {
        Map<String, Object> row = new HashMap<>(Map.of("code", code, "programCode", program, "termId", TERM,
                "weekdays", "금", "startTime", "06:00", "endTime", "06:50", "firstDate", LocalDate.of(2027, 9, 3),
                "lastDate", "2027-10-29", "roomId", "main-ll-1", "capacity", capacity));
        row.putAll(Map.of("phase1Opens", "2027-08-02 10:00", "phase1Closes", "2027-08-20 18:00",
                "phase1Method", "FIRST_COME"));
        return row;
    }

    @Test
    @WithUserDetails("import-ui-staff")
    void a_preview_with_an_error_cannot_be_applied_and_a_good_file_is_applied_once() {
        catalog.saveTerm(new TermDraft(new TermId(TERM), "화면 시험 학기", null, TermType.THREE_MONTH,
                LocalDate.of(2027, 9, 1), LocalDate.of(2027, 11, 30)));
        CatalogImportView view = AopTestUtils.getUltimateTargetObject(navigate(CatalogImportView.class));

        view.received(new ImportFiles().program(program("V-P1")).offering(offering("V-O1", "V-P1", 0)).xlsx());

        assertThat(view.grid.getGenericDataView().getItems().map(ImportRowResult::outcome).toList())
                .containsExactly(ImportOutcome.CREATE, ImportOutcome.ERROR);
        assertThat(test(view.grid).getCellText(1, 4)).isEqualTo("정원 (capacity): 정원은 1명 이상이어야 합니다.");
        assertThat(test(view.grid).getCellText(1, 3)).isEqualTo("오류");
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(view.status.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.status.getText()).startsWith("미리보기: 새로 만듦 1건, 바뀜 0건, 변경 없음 0건, 오류 1건.");
        assertThat(catalog.program(new ProgramId("imp-V-P1"))).isEmpty();

        byte[] good = new ImportFiles().program(program("V-P1")).offering(offering("V-O1", "V-P1", 12)).xlsx();
        // through the upload component and its handler this time
        test(view.upload).upload("catalog.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", good);
        assertThat(view.apply.isEnabled()).isTrue();
        assertThat(view.status.getElement().getAttribute("role")).isEqualTo("status");
        test(view.apply).click();

        assertThat(view.status.getText()).isEqualTo("반영했습니다: 새로 만듦 2건, 바뀜 0건, 변경 없음 0건. 새 개설 강좌는 작성 중 상태입니다.");
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(catalog.program(new ProgramId("imp-V-P1"))).isPresent();

        view.received(good);
        assertThat(view.grid.getGenericDataView().getItems().map(ImportRowResult::outcome).toList())
                .containsExactly(ImportOutcome.UNCHANGED, ImportOutcome.UNCHANGED);
        assertThat(view.apply.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("import-ui-staff")
    void a_file_that_is_no_spreadsheet_gets_one_alert() {
        CatalogImportView view = AopTestUtils.getUltimateTargetObject(navigate(CatalogImportView.class));
        view.received("name,code\n".getBytes());
        assertThat(view.status.getText()).isEqualTo(
                "XLSX 파일이 아니거나 읽을 수 없는 파일입니다. 양식을 내려받아 채운 뒤 XLSX로 저장해 주세요.");
        assertThat(view.status.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.apply.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("import-ui-citizen")
    void citizens_are_refused_the_screen() {
        UI.getCurrent().navigate("staff/catalog-import");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithUserDetails("import-ui-instructor")
    void instructors_are_refused_the_screen() {
        UI.getCurrent().navigate("staff/catalog-import");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }
}
