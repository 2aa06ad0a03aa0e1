package org.baeum.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PlanningChecks;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The spreadsheet import: template, dry run with problems per row and column, apply once, refusals. */
@BaeumIntegrationTest
class CatalogImportsTest {

    static final String TERM = "import-test-2027-fall";

    @Autowired
    CatalogImports imports;
    @Autowired
    CatalogImportTemplate template;
    @Autowired
    CatalogService catalog;
    @Autowired
    PlanningChecks checks;
    @Autowired
    TestAccounts accounts;

    BaeumUser teacher;

    @BeforeAll
    static void demoCatalog(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    @BeforeEach
    void staff() {
        teacher = accounts.userOrCreate("import-teacher", Role.INSTRUCTOR);
        TestAccounts.signIn(accounts.userOrCreate("import-staff", Role.STAFF));
        catalog.saveTerm(new TermDraft(new TermId(TERM), "2027 가을 가져오기 시험", null, TermType.THREE_MONTH,
                LocalDate.of(2027, 9, 1), LocalDate.of(2027, 11, 30)));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A program row that passes: the given code, an instructor, classified. */
    Map<String, Object> program(String code) {
        Map<String, Object> row = new HashMap<>(Map.of("code", code, "titleKo", "가져온 강좌 " + code,
                "branchId", "main", "domain", "평생직업 역량·일자리", "area", "LIBERAL_ARTS", "subcategory", "HUMANITIES",
                "audience", "ADULT", "kind", "CLASS", "fee", 30000, "instructors", teacher.accountId()));
        row.put("accessibility", "STEP_FREE, LARGE_PRINT");
        return row;
    }

    /** An offering row that passes: Tuesdays 07:00–08:00 in the auditorium (no demo class there then). */
    Map<String, Object> offering(String code, String programCode, String weekday) {
        Map<String, Object> row = new HashMap<>(Map.of("code", code, "programCode", programCode, "termId", TERM,
                "weekdays", weekday, "startTime", "07:00", "endTime", "08:00", "firstDate", "2027-09-07",
                "lastDate", LocalDate.of(2027, 11, 23), "roomId", "main-auditorium", "capacity", 40));
        row.putAll(Map.of("phase1Opens", "2027-08-02 10:00", "phase1Closes", "2027-08-16 18:00",
                "phase1Method", "LOTTERY", "phase2Opens", "2027-08-20 10:00", "phase2Closes", "2027-09-01 18:00",
                "phase2Method", "선착순"));
        return row;
    }

    long programs() {
        return catalog.programs().size();
    }

    long offerings() {
        return catalog.searchForStaff(CatalogQuery.all().withPage(0, 1)).total();
    }

    @Test
    void the_template_has_both_sheets_with_their_keys_an_example_and_the_codes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.write(out);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> programRows = book.findSheet("강좌").orElseThrow().read();
            assertThat(programRows.get(0).getCellText(0)).isEqualTo("강좌 코드");
            assertThat(programRows.get(1).stream().map(c -> c.getText()).toList())
                    .containsExactlyElementsOf(ImportColumns.PROGRAM.keySet());
            assertThat(programRows.get(2).getCellText(0)).startsWith("#");
            List<Row> offeringRows = book.findSheet("개설").orElseThrow().read();
            assertThat(offeringRows.get(1).stream().map(c -> c.getText()).toList())
                    .containsExactlyElementsOf(ImportColumns.OFFERING.keySet());
            List<String> codes = book.findSheet("코드").orElseThrow().read().stream()
                    .map(r -> r.getCellText(2) + "=" + r.getCellText(3)).toList();
            assertThat(codes).contains("LIBERAL_ARTS=인문교양교육", "FIRST_COME=선착순", TERM + "=2027 가을 가져오기 시험 (2027-09-01 ~ 2027-11-30)",
                    teacher.accountId() + "=테스트 import-teacher", "HUMANITIES=인문학적교양 — 인문교양교육");
            assertThat(codes).anyMatch(c -> c.startsWith("main-auditorium="));
        }
        // the untouched template imports nothing: its example rows are comments
        assertThat(imports.preview(out.toByteArray()).rows()).isEmpty();
    }

    @Test
    void bad_rows_are_previewed_with_their_column_and_message_and_nothing_is_stored() {
        Map<String, Object> otherArea = program("B-P2");
        otherArea.put("subcategory", "EVERYDAY_ARTS");
        Map<String, Object> badDate = offering("B-O2", "B-P1", "화");
        badDate.put("firstDate", "2027-13-01");
        Map<String, Object> unknownRoom = offering("B-O3", "B-P1", "목");
        unknownRoom.put("roomId", "main-nowhere");
        Map<String, Object> noSeats = offering("B-O4", "B-P1", "금");
        noSeats.put("capacity", 0);
        byte[] file = new ImportFiles().program(program("B-P1")).program(otherArea)
                .offering(offering("B-O1", "B-P1", "월,수")).offering(badDate).offering(unknownRoom).offering(noSeats)
                .xlsx();
        long programsBefore = programs();
        long offeringsBefore = offerings();

        ImportPreview preview = imports.preview(file);

        assertThat(preview.rows()).extracting(r -> r.sheet() + ":" + r.row() + ":" + r.code() + ":" + r.outcome()
                + ":" + r.problems().stream().map(p -> p.field() + "=" + p.messageKey() + p.arguments()).toList())
                .containsExactly(
                        "강좌:3:B-P1:CREATE:[]",
                        "강좌:4:B-P2:ERROR:[subcategory=catalog.validation.subcategoryOtherArea[]]",
                        "개설:3:B-O1:CREATE:[]",
                        "개설:4:B-O2:ERROR:[firstDate=catalog.import.badValue[2027-03-02]]",
                        "개설:5:B-O3:ERROR:[roomId=validation.unknown[]]",
                        "개설:6:B-O4:ERROR:[capacity=validation.capacityMin[]]");
        ImportPreview refused = imports.apply(file);
        assertThat(refused.applied()).isFalse();
        assertThat(refused.rows()).isEqualTo(preview.rows());
        assertThat(programs()).isEqualTo(programsBefore);
        assertThat(offerings()).isEqualTo(offeringsBefore);
        assertThat(catalog.program(new ProgramId("imp-B-P1"))).isEmpty();
        assertThat(checks.offering(new OfferingId("imp-B-O1"))).isEmpty();
    }

    @Test
    void a_good_file_is_applied_once_then_unchanged_and_a_changed_row_updates() {
        ImportFiles good = new ImportFiles().program(program("G-P1"))
                .offering(offering("G-O1", "G-P1", "화")).offering(offering("G-O2", "G-P1", "목"));
        long programsBefore = programs();
        long offeringsBefore = offerings();

        ImportPreview applied = imports.apply(good.xlsx());

        assertThat(applied.applied()).isTrue();
        assertThat(applied.rows()).extracting(ImportRowResult::outcome)
                .containsExactly(ImportOutcome.CREATE, ImportOutcome.CREATE, ImportOutcome.CREATE);
        var program = catalog.program(new ProgramId("imp-G-P1")).orElseThrow();
        assertThat(program.classification().subcategory()).isEqualTo(LearningSubcategory.HUMANITIES);
        assertThat(program.classification().area()).isEqualTo(LearningArea.LIBERAL_ARTS);
        assertThat(program.instructors()).extracting(i -> i.accountId()).containsExactly(teacher.accountId());
        var offering = checks.offering(new OfferingId("imp-G-O1")).orElseThrow();
        assertThat(offering.publication()).isEqualTo(Publication.DRAFT);
        assertThat(offering.program().id().value()).isEqualTo("imp-G-P1");
        assertThat(offering.recruitment().phases()).hasSize(2);
        assertThat(offering.schedule().lastDate()).isEqualTo(LocalDate.of(2027, 11, 23));
        assertThat(programs()).isEqualTo(programsBefore + 1);
        assertThat(offerings()).isEqualTo(offeringsBefore + 2);

        ImportPreview again = imports.apply(good.xlsx());
        assertThat(again.applied()).isTrue();
        assertThat(again.rows()).extracting(ImportRowResult::outcome).containsOnly(ImportOutcome.UNCHANGED);
        assertThat(programs()).isEqualTo(programsBefore + 1);
        assertThat(offerings()).isEqualTo(offeringsBefore + 2);

        Map<String, Object> renamed = program("G-P1");
        renamed.put("titleKo", "바뀐 이름");
        Map<String, Object> bigger = offering("G-O2", "imp-G-P1", "목");
        bigger.put("capacity", 60);
        byte[] changed = new ImportFiles().program(renamed).offering(offering("G-O1", "G-P1", "화")).offering(bigger).xlsx();
        assertThat(imports.preview(changed).rows()).extracting(ImportRowResult::outcome)
                .containsExactly(ImportOutcome.UPDATE, ImportOutcome.UNCHANGED, ImportOutcome.UPDATE);
        assertThat(catalog.program(new ProgramId("imp-G-P1")).orElseThrow().titleKo()).isEqualTo("가져온 강좌 G-P1");
        imports.apply(changed);
        assertThat(catalog.program(new ProgramId("imp-G-P1")).orElseThrow().titleKo()).isEqualTo("바뀐 이름");
        assertThat(checks.offering(new OfferingId("imp-G-O2")).orElseThrow().capacity()).isEqualTo(60);
        assertThat(checks.offering(new OfferingId("imp-G-O1")).orElseThrow().program().titleKo()).isEqualTo("바뀐 이름");
        assertThat(offerings()).isEqualTo(offeringsBefore + 2);
    }

    @Test
    void a_file_that_does_not_fit_gets_one_message() {
        assertThatThrownBy(() -> imports.preview("no spreadsheet".getBytes()))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("catalog.import.file.notXlsx"));
        assertThatThrownBy(() -> imports.preview(new byte[ImportWorkbook.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("catalog.import.file.tooLarge"));
        ImportFiles many = new ImportFiles();
        for (int i = 0; i <= ImportWorkbook.MAX_ROWS; i++) {
            many.program(Map.of("code", "M-" + i));
        }
        assertThatThrownBy(() -> imports.preview(many.xlsx()))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("catalog.import.file.tooManyRows"));
    }

    @Test
    void citizens_and_instructors_are_refused() {
        byte[] file = new ImportFiles().program(program("R-P1")).xlsx();
        for (BaeumUser user : List.of(accounts.userOrCreate("import-citizen", Role.CITIZEN), teacher)) {
            TestAccounts.signIn(user);
            assertThatThrownBy(() -> imports.preview(file)).isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> imports.apply(file)).isExactlyInstanceOf(AuthorizationDeniedException.class);
            // the role is checked before the file is read: no hint about the file for a caller who may not import
            assertThatThrownBy(() -> imports.preview("junk".getBytes())).isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> imports.apply("junk".getBytes())).isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> template.write(new ByteArrayOutputStream()))
                    .isExactlyInstanceOf(AuthorizationDeniedException.class);
        }
        TestAccounts.signIn(accounts.userOrCreate("import-staff", Role.STAFF));
        assertThat(catalog.program(new ProgramId("imp-R-P1"))).isEmpty();
    }
}
