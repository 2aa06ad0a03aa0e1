package org.baeum.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.reporting.ExportFiles;
import org.baeum.reporting.ExportFormat;
import org.baeum.reporting.ReportExports;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.Reports;
import org.baeum.reporting.internal.XlsxExport;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.survey.SurveyId;
import org.baeum.survey.results.SurveyResultsFixture;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The satisfaction section of the reports (decision 0052): per program and term, response rate and the satisfied
 * shares, exported as CSV and XLSX like every report; STAFF and ADMIN only.
 */
@BaeumIntegrationTest
class SatisfactionReportTest {

    @Autowired
    Reports reports;
    @Autowired
    ReportExports exports;
    @Autowired
    ParticipationData data;
    @Autowired
    SurveyResultsFixture surveys;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    java.time.Clock clock;
    @Autowired
    List<DemoDataContributor> contributors;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_section_counts_answers_per_program_and_exports_them() throws Exception {
        DemoCatalogFixture.load(contributors);
        BaeumUser staff = accounts.userOrCreate("satisfaction-report-staff", Role.STAFF);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        List<Instructor> teacher = List.of(new Instructor("satisfaction-teacher", "최강사"));
        OfferingId a = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, teacher);
        OfferingId b = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, teacher);
        fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, teacher); // not surveyed: no line
        SurveyId survey = surveys.survey("보고서 만족도", true, a, b);
        surveys.answers(survey, a, 8, List.of(
                Map.of("overall", 5, "room", 4, "heard", 1), Map.of("overall", 5, "room", 2),
                Map.of("overall", 4, "room", 3), Map.of("overall", 3, "room", 3), Map.of("overall", 1)));
        surveys.answers(survey, b, 6, SurveyResultsFixture.same(4, 4));

        TestAccounts.signIn(staff);
        Offering first = catalog.offering(a).orElseThrow();
        Offering second = catalog.offering(b).orElseThrow();
        int fromYear = Math.min(first.ageDay().getYear(), second.ageDay().getYear());
        int toYear = Math.max(first.ageDay().getYear(), second.ageDay().getYear());
        for (int y = fromYear; y <= toYear; y++) {
            data.rebuildNow(y);
        }
        ReportQuery query = new ReportQuery(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31), null, null,
                null, null, null, null);
        assertThat(reports.list(Locale.KOREAN)).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("satisfaction");
            assertThat(r.title()).isEqualTo("만족도 조사 결과");
        });

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exports.write("satisfaction", query, ExportFormat.CSV, Locale.KOREAN, csv);
        List<List<String>> lines = ExportFiles.csv(new String(csv.toByteArray(), StandardCharsets.UTF_8).substring(1));
        assertThat(lines.getFirst()).containsExactly("프로그램", "기수", "조사 강좌", "조사 대상", "응답", "응답률(%)",
                "전반적 만족(%)", "전 문항 만족(%)");
        String termName = lines.get(1).get(1);
        // a: overall 5,5,4,3,1 → 3 of 5 satisfied; rated answers 5+4 = 9, satisfied 3 + (4,3,3 of four: 3) = 6
        assertThat(lines).contains(List.of(first.title(Locale.KOREAN), termName, "1", "8", "5", "62.5", "60", "66.7"));
        // b: four answers of 4 (overall) and 4 (room): all satisfied
        assertThat(lines).contains(List.of(second.title(Locale.KOREAN), termName, "1", "6", "4", "66.7", "100",
                "100"));
        assertThat(lines.getLast()).containsExactly("계", "", "2", "14", "9", "64.3", "77.8", "82.4");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        exports.write("satisfaction", query, ExportFormat.XLSX, Locale.ENGLISH, xlsx);
        Map<Integer, Map<Integer, Cell>> cells = ExportFiles.cells(xlsx.toByteArray(), 0);
        int header = XlsxExport.FIRST_HEADING_ROW;
        assertThat(cells.get(header).get(5).asString()).isEqualTo("Response rate (%)");
        Map<Integer, Cell> total = cells.get(header + lines.size() - 1);
        assertThat(total.get(0).asString()).isEqualTo("Total");
        assertThat(total.get(3).getType()).isEqualTo(CellType.NUMBER);
        assertThat(total.get(3).asNumber().longValue()).isEqualTo(14);
        assertThat(total.get(7).asNumber().doubleValue()).isEqualTo(82.4);
    }

    @Test
    void citizens_and_instructors_are_refused_the_section() {
        for (BaeumUser refused : List.of(accounts.citizen("satisfaction.report@test.baeum", "보고서시민",
                LocalDate.of(1980, 1, 1)), accounts.userOrCreate("satisfaction-report-teacher", Role.INSTRUCTOR))) {
            TestAccounts.signIn(refused);
            assertThatThrownBy(() -> reports.run("satisfaction", ReportQuery.year(2026), Locale.KOREAN))
                    .isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> exports.write("satisfaction", ReportQuery.year(2026), ExportFormat.CSV,
                    Locale.KOREAN, new ByteArrayOutputStream())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        }
    }
}
