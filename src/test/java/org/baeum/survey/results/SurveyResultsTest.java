package org.baeum.survey.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.survey.SurveyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Who sees which survey results (decision 0052): an instructor their own classes only, after the close, nothing of a
 * class under five answers (shown at five); STAFF every figure; citizens nothing.
 */
@BaeumIntegrationTest
class SurveyResultsTest {

    private static final Locale KO = Locale.KOREAN;

    @Autowired
    SurveyResults results;
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

    BaeumUser teacher;
    BaeumUser other;
    BaeumUser staff;
    BaeumUser citizen;
    OfferingId five;
    OfferingId four;
    OfferingId othersClass;

    @BeforeEach
    void classes() {
        DemoCatalogFixture.load(contributors);
        String n = java.util.UUID.randomUUID().toString().substring(0, 6);
        teacher = accounts.create("results-teacher-" + n, Role.INSTRUCTOR);
        other = accounts.create("results-other-" + n, Role.INSTRUCTOR);
        staff = accounts.create("results-staff-" + n, Role.STAFF);
        citizen = accounts.citizen("results-" + n + "@test.baeum", "결과시민", LocalDate.of(1980, 1, 1));
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        List<Instructor> mine = List.of(new Instructor(teacher.accountId(), "김강사"));
        five = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, mine);
        four = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, mine);
        othersClass = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME,
                List.of(new Instructor(other.accountId(), "이강사")));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private SurveyId closedSurvey() {
        SurveyId id = surveys.survey("2026년 1분기 만족도 조사", true, five, four, othersClass);
        surveys.answers(id, five, 8, List.of(
                Map.of("overall", 5, "room", 4, "heard", 2, "comment", "또 듣고 싶어요"),
                Map.of("overall", 5, "room", 3, "heard", 1),
                Map.of("overall", 4, "room", 3, "heard", 1, "comment", "강의실이 더워요"),
                Map.of("overall", 3, "room", 2),
                Map.of("overall", 2, "room", 1, "heard", 3)));
        surveys.answers(id, four, 6, SurveyResultsFixture.same(4, 5));
        surveys.answers(id, othersClass, 7, SurveyResultsFixture.same(6, 4));
        return id;
    }

    @Test
    void an_instructor_sees_their_class_of_five_answers_after_the_close() {
        SurveyId id = closedSurvey();
        TestAccounts.signIn(teacher);
        ClassResult seen = results.myClass(id, five, KO);
        GroupResult r = seen.result();
        assertThat(r.hidden()).isFalse();
        assertThat(r.invited()).isEqualTo(8);
        assertThat(r.answered()).isEqualTo(5);
        assertThat(r.responseRate()).isEqualTo(62.5);
        ItemResult overall = r.item("overall").orElseThrow();
        assertThat(overall.distribution()).containsExactly(0L, 1L, 1L, 1L, 2L);
        assertThat(overall.mean()).isEqualTo(3.8);
        assertThat(overall.satisfiedShare()).isEqualTo(60.0);
        assertThat(overall.labels()).containsExactly("매우 불만족", "불만족", "보통", "만족", "매우 만족");
        ItemResult room = r.item("room").orElseThrow();
        assertThat(room.distribution()).containsExactly(1L, 1L, 2L, 1L);
        assertThat(room.satisfiedShare()).isEqualTo(60.0);
        ItemResult heard = r.item("heard").orElseThrow();
        assertThat(heard.distribution()).containsExactly(2L, 1L, 1L);
        assertThat(heard.mean()).isNull();
        assertThat(r.item("comment").orElseThrow().texts()).containsExactly("강의실이 더워요", "또 듣고 싶어요");
    }

    @Test
    void a_class_of_four_answers_is_hidden_from_its_instructor_and_left_out_of_their_pool() {
        SurveyId id = closedSurvey();
        TestAccounts.signIn(teacher);
        GroupResult r = results.myClass(id, four, KO).result();
        assertThat(r.hidden()).isTrue();
        assertThat(r.answered()).isEqualTo(4);
        assertThat(r.items()).isEmpty();

        InstructorResults mine = results.mine(KO);
        assertThat(mine.classes()).extracting(ClassResult::offeringId).containsExactlyInAnyOrder(five.value(), four.value());
        assertThat(mine.classes()).filteredOn(c -> c.offeringId().equals(four.value()))
                .allSatisfy(c -> assertThat(c.result().hidden()).isTrue());
        // the pool holds the class of five only: the hidden class cannot be worked out as pool minus the others
        assertThat(mine.allClasses().answered()).isEqualTo(5);
        assertThat(mine.allClasses().item("overall").orElseThrow().distribution()).containsExactly(0L, 1L, 1L, 1L, 2L);
    }

    @Test
    void an_instructor_is_refused_a_class_they_do_not_teach() {
        SurveyId id = closedSurvey();
        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> results.myClass(id, othersClass, KO)).isExactlyInstanceOf(AccessDeniedException.class)
                .hasMessage("Not your class");
        assertThat(results.mine(KO).classes()).extracting(ClassResult::offeringId).doesNotContain(othersClass.value());
    }

    @Test
    void an_instructor_sees_nothing_before_the_close() {
        SurveyId open = surveys.survey("진행 중인 조사", false, five);
        surveys.answers(open, five, 6, SurveyResultsFixture.same(6, 5));
        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> results.myClass(open, five, KO)).isExactlyInstanceOf(SurveyStillOpenException.class);
        ClassResult waiting = results.mine(KO).classes().getFirst();
        assertThat(waiting.waitingForTheClose()).isTrue();
        assertThat(waiting.result()).isNull();
    }

    @Test
    void staff_see_every_class_with_figures_but_no_texts_under_five_answers() {
        SurveyId id = closedSurvey();
        TestAccounts.signIn(staff);
        SurveyResultsView view = results.survey(id, KO);
        assertThat(view.total().invited()).isEqualTo(21);
        assertThat(view.total().answered()).isEqualTo(15);
        assertThat(view.total().item("comment").orElseThrow().texts()).hasSize(12);
        GroupResult small = view.offerings().stream().filter(g -> g.key().equals(four.value())).findFirst().orElseThrow();
        assertThat(small.hidden()).isFalse();
        assertThat(small.textsHidden()).isTrue();
        assertThat(small.item("overall").orElseThrow().distribution()).containsExactly(0L, 0L, 0L, 0L, 4L);
        assertThat(small.item("comment").orElseThrow().texts()).isEmpty();

        StaffResults byInstructor = results.staff(ResultsFilter.ofSurvey(id.value()), ResultGrouping.INSTRUCTOR, KO);
        assertThat(byInstructor.groups()).extracting(GroupResult::label, GroupResult::answered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("김강사", 9L),
                        org.assertj.core.groups.Tuple.tuple("이강사", 6L));
        StaffResults one = results.staff(new ResultsFilter(id.value(), null, null, null, null, other.accountId()),
                ResultGrouping.OFFERING, KO);
        assertThat(one.total().answered()).isEqualTo(6);
        assertThat(one.groups()).extracting(GroupResult::key).containsExactly(othersClass.value());
    }

    @Test
    void citizens_and_instructors_are_refused_the_staff_results() {
        SurveyId id = closedSurvey();
        for (BaeumUser refused : List.of(citizen, teacher)) {
            TestAccounts.signIn(refused);
            assertThatThrownBy(() -> results.survey(id, KO)).isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> results.staff(ResultsFilter.all(), ResultGrouping.TERM, KO))
                    .isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> results.byOffering(List.of(five.value()), KO))
                    .isExactlyInstanceOf(AuthorizationDeniedException.class);
        }
        TestAccounts.signIn(citizen);
        assertThatThrownBy(() -> results.mine(KO)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> results.survey(new SurveyId("nope"), KO)).isExactlyInstanceOf(NoSuchSurveyException.class);
    }
}
