package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The catalog by year for reports (decision 0038): offerings by first session day, drafts left out; every term. Refusals
 * are Spring Security 7's method-security denial, {@link AuthorizationDeniedException} (an AccessDeniedException).
 */
@BaeumIntegrationTest
class CatalogYearsTest {

    @Autowired
    CatalogYears years;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    TestAccounts accounts;
    @Autowired
    List<DemoDataContributor> contributors;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_offerings_of_a_year_are_those_whose_first_session_falls_in_it_without_drafts() {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        OfferingId published = fixture.offering(10, 0);
        OfferingId cancelled = fixture.offering(10, 0);
        OfferingId draft = fixture.offering(10, 0);
        TestAccounts.signIn(accounts.create("years-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF));
        catalog.cancel(cancelled, "수강생 부족");
        catalog.unpublish(draft);
        Offering offering = catalog.offering(published).orElseThrow();
        int year = offering.ageDay().getYear();

        List<Offering> found = years.offeringsOfYear(year);

        assertThat(found).extracting(Offering::id).contains(published, cancelled).doesNotContain(draft);
        assertThat(found).allMatch(o -> o.ageDay().getYear() == year)
                .noneMatch(o -> o.publication() == Publication.DRAFT);
        assertThat(found).filteredOn(o -> o.id().equals(cancelled)).singleElement()
                .extracting(Offering::publication).isEqualTo(Publication.CANCELLED);
        assertThat(years.offeringsOfYear(year - 1)).extracting(Offering::id).doesNotContain(published, cancelled);
        assertThat(years.offeringsOfYear(year + 1)).extracting(Offering::id).doesNotContain(published, cancelled);
        assertThat(years.terms()).containsKey(offering.termId())
                .containsValue(catalog.terms().stream().filter(t -> t.id().equals(offering.termId())).findFirst()
                        .orElseThrow());
    }

    @Test
    void the_first_session_day_decides_not_the_first_planned_day() {
        DemoCatalogFixture.load(contributors);
        TestAccounts.signIn(accounts.create("years-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF));
        // planned from Wednesday 2026-12-30, on Mondays only: the first session is on 2027-01-04
        TermId term = catalog.saveTerm(new TermDraft(null, "연도 시험 기수", "Year test term", TermType.THREE_MONTH,
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28)));
        ProgramId program = catalog.saveProgram(new ProgramDraft(null, "연도 시험 강좌", "Year test class", null, null,
                PolicyDomain.LIFE_TRANSITION, Audience.SPORTS, ProgramKind.CLASS, null, null, new BranchId("main"),
                List.of(), 0L, true, DeliveryFormat.ON_SITE, Set.of(), null, null,
                org.baeum.catalog.Classification.of(org.baeum.catalog.LearningSubcategory.LEISURE_SPORTS)));
        LocalDateTime opens = LocalDateTime.of(2026, 12, 1, 9, 0);
        OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, "main-study-2",
                EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(21, 10), LocalTime.of(21, 40), LocalDate.of(2026, 12, 30),
                LocalDate.of(2027, 1, 12), 10, opens, LocalDateTime.of(2027, 1, 3, 12, 0), RecruitmentMethod.FIRST_COME));
        catalog.publish(id);
        Offering o = catalog.offering(id).orElseThrow();
        assertThat(o.schedule().firstDate()).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(o.ageDay()).isEqualTo(LocalDate.of(2027, 1, 4));

        assertThat(years.offeringsOfYear(2027)).extracting(Offering::id).contains(id);
        assertThat(years.offeringsOfYear(2026)).extracting(Offering::id).doesNotContain(id);
    }

    @Test
    void citizens_and_instructors_are_refused() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        for (BaeumUser refused : List.of(accounts.citizen("years-" + suffix + "@example.org", "연도시민",
                LocalDate.of(1980, 1, 1)), accounts.create("years-teacher-" + suffix, Role.INSTRUCTOR))) {
            TestAccounts.signIn(refused);
            assertThatThrownBy(() -> years.offeringsOfYear(2026)).isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> years.terms()).isExactlyInstanceOf(AuthorizationDeniedException.class);
        }
    }
}
