package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@BaeumIntegrationTest
class EligibilityServiceTest {

    @Autowired
    EligibilityService eligibility;

    @Autowired

    FeeReductionCategories categories;
    @Autowired
    HouseholdService households;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    BaeumUser citizen(String name, LocalDate birth) {
        return accounts.citizen(name + "@example.com", name, birth);
    }

    BaeumUser staff() {
        return accounts.userOrCreate("el-staff", Role.STAFF);
    }

    @Test
    void a_declared_category_counts_for_fees_only_after_staff_approve_it_and_until_its_end_date() {
        BaeumUser citizen = citizen("el-approve", LocalDate.of(1985, 1, 1));
        TestAccounts.signIn(citizen);
        ParticipantId me = new ParticipantId(citizen.accountId());
        EligibilityClaim claim = eligibility.declare(me, "DISABLED", "복지카드 2027년까지");
        assertThat(eligibility.reductionsFor(me, today())).as("not before approval").isEmpty();

        TestAccounts.signIn(staff());
        assertThat(eligibility.queue(0, 50)).extracting(EligibilityClaim::id).contains(claim.id());
        LocalDate until = today().plusDays(30);
        EligibilityClaim approved = eligibility.approve(claim.id(), until, null);
        assertThat(approved.status()).isEqualTo(EligibilityStatus.APPROVED);
        assertThat(approved.history()).extracting(EligibilityClaim.Step::status)
                .containsExactly(EligibilityStatus.PENDING, EligibilityStatus.APPROVED);
        assertThat(approved.history().getLast().byName()).isEqualTo(staff().displayName());
        assertThat(eligibility.queue(0, 50)).extracting(EligibilityClaim::id).doesNotContain(claim.id());

        TestAccounts.signIn(citizen);
        assertThat(eligibility.myClaims()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(EligibilityStatus.APPROVED);
            assertThat(c.validUntil()).isEqualTo(until);
        });
        assertThat(eligibility.bestReductionFor(me, today())).get().extracting(FeeReduction::ratePercent)
                .isEqualTo(categories.category("DISABLED").orElseThrow().ratePercent());
        assertThat(eligibility.reductionsFor(me, until)).hasSize(1);

        clock.advance(Duration.ofDays(31));
        assertThat(eligibility.reductionsFor(me, today())).as("after the end date").isEmpty();
        assertThat(eligibility.myClaims()).singleElement().extracting(EligibilityClaim::status).isEqualTo(EligibilityStatus.EXPIRED);
        // an expired approval does not block a new declaration
        assertThat(eligibility.declare(me, "DISABLED", null).status()).isEqualTo(EligibilityStatus.PENDING);
    }

    @Test
    void a_rejection_carries_a_reason_the_citizen_reads() {
        BaeumUser citizen = citizen("el-reject", LocalDate.of(1990, 1, 1));
        TestAccounts.signIn(citizen);
        EligibilityClaim claim = eligibility.declare(new ParticipantId(citizen.accountId()), "BASIC_LIVELIHOOD", null);
        TestAccounts.signIn(staff());
        assertThatThrownBy(() -> eligibility.reject(claim.id(), " ")).isInstanceOf(InvalidInputException.class);
        eligibility.reject(claim.id(), "수급자 증명서의 유효기간이 지났습니다.");
        assertThatThrownBy(() -> eligibility.approve(claim.id(), today().plusDays(10), null))
                .as("a decided claim cannot be decided again").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("eligibility.notPending"));
        TestAccounts.signIn(citizen);
        assertThat(eligibility.myClaims()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(EligibilityStatus.REJECTED);
            assertThat(c.reason()).isEqualTo("수급자 증명서의 유효기간이 지났습니다.");
        });
        assertThat(eligibility.reductionsFor(new ParticipantId(citizen.accountId()), today())).isEmpty();
    }

    @Test
    void one_open_claim_per_person_and_category_and_the_elderly_category_is_never_declared() {
        BaeumUser citizen = citizen("el-twice", LocalDate.of(1970, 1, 1));
        TestAccounts.signIn(citizen);
        ParticipantId me = new ParticipantId(citizen.accountId());
        eligibility.declare(me, "NATIONAL_MERIT", null);
        assertThatThrownBy(() -> eligibility.declare(me, "NATIONAL_MERIT", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("eligibility.alreadyOpen"));
        assertThatThrownBy(() -> eligibility.declare(me, FeeReductionCategory.ELDERLY, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> eligibility.declare(me, "NO_SUCH", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_account_holders_own_elderly_reduction_follows_their_birth_date() {
        BaeumUser elder = citizen("el-elder", today().minusYears(70));
        TestAccounts.signIn(elder);
        assertThat(eligibility.reductionsFor(new ParticipantId(elder.accountId()), today())).extracting(FeeReduction::category)
                .containsExactly(FeeReductionCategory.ELDERLY);
        assertThatThrownBy(() -> eligibility.declare(new ParticipantId(elder.accountId()), FeeReductionCategory.ELDERLY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().messageKey())
                        .isEqualTo("eligibility.elderly.notDeclarable"));
    }

    @Test
    void a_dependant_declared_65_or_older_waits_in_staffs_queue_before_the_elderly_reduction_applies() {
        BaeumUser son = citizen("el-son", LocalDate.of(1970, 1, 1));
        TestAccounts.signIn(son);
        Dependant father = households.addDependant(new DependantDraft("최아버지", today().minusYears(72), Relation.PARENT));
        assertThat(eligibility.reductionsFor(father.id(), today())).as("the typed birth date alone gives nothing").isEmpty();
        assertThat(eligibility.myClaims()).singleElement().satisfies(c -> {
            assertThat(c.participant()).isEqualTo(father.id());
            assertThat(c.category()).isEqualTo(FeeReductionCategory.ELDERLY);
            assertThat(c.status()).isEqualTo(EligibilityStatus.PENDING);
        });

        TestAccounts.signIn(staff());
        EligibilityClaim queued = eligibility.queue(0, 100).stream()
                .filter(c -> c.participant().equals(father.id())).findFirst().orElseThrow();
        assertThat(queued.category()).isEqualTo(FeeReductionCategory.ELDERLY);
        eligibility.approve(queued.id(), today().plusYears(5), "신분증 확인");

        TestAccounts.signIn(son);
        assertThat(eligibility.reductionsFor(father.id(), today())).extracting(FeeReduction::category)
                .containsExactly(FeeReductionCategory.ELDERLY);
        assertThat(households.addDependant(new DependantDraft("최아이", today().minusYears(9), Relation.CHILD))).isNotNull();
        assertThat(eligibility.myClaims()).as("a child files nothing").hasSize(1);
    }

    @Test
    void a_dependant_who_turns_65_later_is_declared_then_and_the_best_single_reduction_applies() {
        BaeumUser daughter = citizen("el-daughter", LocalDate.of(1975, 1, 1));
        TestAccounts.signIn(daughter);
        LocalDate turns65 = today().plusDays(10);
        Dependant mother = households.addDependant(new DependantDraft("박어머니", turns65.minusYears(65), Relation.PARENT));
        assertThat(eligibility.myClaims()).as("not 65 yet: nothing filed").isEmpty();
        assertThat(eligibility.reductionsFor(mother.id(), today())).isEmpty();
        assertThat(eligibility.reductionsFor(mother.id(), turns65)).as("not without staff's review").isEmpty();
        assertThatThrownBy(() -> eligibility.declare(mother.id(), FeeReductionCategory.ELDERLY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().messageKey())
                        .isEqualTo("eligibility.elderly.notDeclarable"));
        assertThat(categories.declarableCategories(households.myParticipants())).extracting(FeeReductionCategory::code)
                .doesNotContain(FeeReductionCategory.ELDERLY);

        EligibilityClaim basic = eligibility.declare(mother.id(), "BASIC_LIVELIHOOD", null);
        clock.advance(java.time.Duration.ofDays(10));
        assertThat(categories.declarableCategories(households.myParticipants())).extracting(FeeReductionCategory::code)
                .contains(FeeReductionCategory.ELDERLY);
        EligibilityClaim elderly = eligibility.declare(mother.id(), FeeReductionCategory.ELDERLY, null);
        assertThat(eligibility.reductionsFor(mother.id(), today())).as("pending").isEmpty();

        TestAccounts.signIn(staff());
        eligibility.approve(elderly.id(), today().plusYears(5), null);
        TestAccounts.signIn(daughter);
        assertThat(eligibility.bestReductionFor(mother.id(), today())).get()
                .extracting(FeeReduction::category).isEqualTo(FeeReductionCategory.ELDERLY);
        TestAccounts.signIn(staff());
        eligibility.approve(basic.id(), today().plusYears(1), null);
        TestAccounts.signIn(daughter);
        assertThat(eligibility.bestReductionFor(mother.id(), today())).get()
                .extracting(FeeReduction::category).isEqualTo("BASIC_LIVELIHOOD");
        assertThat(eligibility.reductionsFor(new ParticipantId(daughter.accountId()), today())).as("not the daughter's").isEmpty();
    }

    @Test
    void admin_sets_rates_and_adds_categories_and_nobody_else_can() {
        TestAccounts.signIn(accounts.userOrCreate("el-admin", Role.ADMIN));
        categories.saveCategory(new FeeReductionCategory("DISABLED", "장애인", "Person with a disability", 70, true, true, 30));
        categories.saveCategory(new FeeReductionCategory("MULTI_CHILD", "다자녀 가정", "Family with three or more children", 30, true, true, 50));
        assertThatThrownBy(() -> categories.saveCategory(new FeeReductionCategory("bad code", "", "", 120, true, true, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(4));
        categories.saveCategory(new FeeReductionCategory(FeeReductionCategory.ELDERLY, "만 65세 이상", "65+", 60, true, true, 40));
        assertThat(categories.category("DISABLED")).get().extracting(FeeReductionCategory::ratePercent).isEqualTo(70);
        assertThat(categories.category(FeeReductionCategory.ELDERLY)).get()
                .satisfies(c -> assertThat(c.declarable()).as("never declarable").isFalse());
        assertThat(categories.declarableCategories()).extracting(FeeReductionCategory::code).contains("MULTI_CHILD");

        TestAccounts.signIn(staff());
        assertThatThrownBy(() -> categories.saveCategory(new FeeReductionCategory("X_X", "가", "a", 1, true, true, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_citizen_cannot_declare_for_read_withdraw_or_decide_another_households_claims() {
        BaeumUser owner = citizen("el-owner", LocalDate.of(1980, 1, 1));
        TestAccounts.signIn(owner);
        Dependant child = households.addDependant(new DependantDraft("최아이", LocalDate.of(2016, 5, 5), Relation.CHILD));
        EligibilityClaim claim = eligibility.declare(child.id(), "DISABLED", "개인적인 메모");

        BaeumUser other = citizen("el-other", LocalDate.of(1980, 1, 1));
        TestAccounts.signIn(other);
        assertThatThrownBy(() -> eligibility.declare(child.id(), "DISABLED", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.withdraw(claim.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.approve(claim.id(), today().plusDays(1), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.queue(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.claimsOf(new AccountId(owner.accountId()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.reductionsFor(child.id(), today())).isInstanceOf(AccessDeniedException.class);
        // the overload for a participant already read (the enrolment path) checks the household as well
        assertThatThrownBy(() -> eligibility.bestReductionFor(child.asParticipant(), today()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(eligibility.myClaims()).isEmpty();

        TestAccounts.signIn(accounts.userOrCreate("el-instructor", Role.INSTRUCTOR));
        assertThatThrownBy(() -> eligibility.queue(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.claimForReview(claim.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staff_opening_and_deciding_a_claim_leaves_access_log_entries() {
        BaeumUser citizen = citizen("el-logged", LocalDate.of(1980, 1, 1));
        TestAccounts.signIn(citizen);
        EligibilityClaim claim = eligibility.declare(new ParticipantId(citizen.accountId()), "DISABLED", null);
        TestAccounts.signIn(staff());
        var review = eligibility.claimForReview(claim.id());
        assertThat(review.participant().name()).isEqualTo("el-logged");
        eligibility.approve(claim.id(), today().plusDays(5), null);
        var entries = database.getCollection("access_log").find(new Document("subjectAccountId", citizen.accountId()))
                .into(new java.util.ArrayList<>());
        assertThat(entries).extracting(d -> d.getString("action"))
                .contains(AccessAction.VIEW_ELIGIBILITY.name(), AccessAction.DECIDE_ELIGIBILITY.name());
        assertThat(entries).allSatisfy(d -> assertThat(d.getString("actorUsername")).isEqualTo("el-staff"));
    }
}
