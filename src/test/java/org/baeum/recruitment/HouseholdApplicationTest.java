package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.draw.DrawInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A household applies as one entry that needs a seat for every member, so it may be no larger than a draw entry
 * ({@link DrawInput#MAX_SEATS}): a larger one is refused at the field, and nothing is stored, instead of stopping the
 * whole round's draw later.
 */
@BaeumIntegrationTest
class HouseholdApplicationTest {

    @Autowired
    Applications applications;
    @Autowired
    RoundService rounds;
    @Autowired
    HouseholdService households;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    List<DemoDataContributor> contributors;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_household_larger_than_a_draw_entry_is_refused_at_the_field_and_may_apply_apart() {
        DemoCatalogFixture.load(contributors);
        OfferingId offering = new EnrollmentFixture(catalog, clock).offering(20, 0);
        Round round = new RoundFixture(rounds, clock, accounts.userOrCreate("household-staff", Role.STAFF))
                .open("BIG", List.of(offering));
        BaeumUser parent = accounts.citizen("big.family@test.baeum", "대가족", LocalDate.of(1975, 1, 1));
        TestAccounts.signIn(parent);
        List<String> children = List.of("대가람", "대나래", "대다솜", "대라온", "대마루", "대바다", "대사랑", "대아라");
        assertThat(children).hasSize(DrawInput.MAX_SEATS); // the parent and 8 children: one more than an entry seats
        for (int i = 0; i < children.size(); i++) {
            households.addDependant(new DependantDraft(children.get(i), LocalDate.of(2012 + i % 5, 1 + i, 1), Relation.CHILD));
        }

        assertThatThrownBy(() -> applications.apply(round.id(), null, List.of(offering), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("household");
                            assertThat(p.messageKey()).isEqualTo("application.validation.householdTooLarge");
                        }));
        assertThat(applications.mine()).as("nothing stored").isEmpty();

        assertThat(applications.apply(round.id(), null, List.of(offering), false).number())
                .as("the parent alone may still apply").startsWith(round.id().value() + "-");
    }

    @Test
    void a_class_that_does_not_fit_a_covered_participants_age_is_refused_at_the_choices_and_nothing_is_stored() {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        OfferingId adults = fixture.offering(20, 0, true, org.baeum.catalog.Audience.ADULT, 19, null);
        OfferingId everyone = fixture.offering(20, 0);
        Round round = new RoundFixture(rounds, clock, accounts.userOrCreate("household-staff", Role.STAFF))
                .open("AGE", List.of(adults, everyone));
        BaeumUser parent = accounts.citizen("age.family@test.baeum", "나이가족", LocalDate.of(1980, 2, 2));
        TestAccounts.signIn(parent);
        households.addDependant(new DependantDraft("나이아이", LocalDate.of(2018, 5, 5), Relation.CHILD));

        assertThatThrownBy(() -> applications.apply(round.id(), null, List.of(everyone, adults), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("choices");
                            assertThat(p.messageKey()).isEqualTo("application.validation.age");
                        }));
        assertThat(applications.mine()).as("nothing stored").isEmpty();

        assertThat(applications.apply(round.id(), null, List.of(everyone, adults), false).number())
                .as("the parent alone fits both").startsWith(round.id().value() + "-");
    }
}
