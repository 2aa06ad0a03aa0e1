package org.baeum.catalog;

import org.baeum.base.domain.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Search, filters, paging, the planning rules and who may plan, on the demo catalog. */
@BaeumIntegrationTest
class CatalogServiceTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    TermCopies copies;
    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void demoCatalog(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        org.baeum.DemoCatalogFixture.load(contributors);
        accounts.create("catalog-citizen", Role.CITIZEN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private static CatalogQuery query(Map<String, String> parameters) {
        return CatalogQuery.parse(parameters.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }

    @Test
    void the_demo_catalog_has_over_100_offerings_in_both_branches_and_all_audiences() {
        var all = catalog.search(CatalogQuery.all().withPage(0, 100));
        assertThat(all.total()).isGreaterThanOrEqualTo(100);
        for (Audience audience : Audience.values()) {
            assertThat(catalog.search(query(Map.of("audience", audience.name()))).total()).as(audience.name()).isPositive();
        }
        assertThat(catalog.search(query(Map.of("branch", "ahyeon"))).total()).isPositive();
        assertThat(catalog.search(query(Map.of("branch", "main"))).total()).isPositive();
    }

    @Test
    void the_demo_has_two_one_seat_classes_recruiting_now_for_the_enrolment_journeys() {
        var coaching = catalog.search(query(Map.of("q", "진로 코칭", "term", "demo-3m-next", "seats", "true"))).items();
        assertThat(coaching).hasSize(2).allSatisfy(o -> {
            assertThat(o.capacity()).isEqualTo(1);
            assertThat(o.status(java.time.Instant.now())).isEqualTo(org.baeum.catalog.OfferingStatus.RECRUITING);
        });
    }

    @Test
    void part_of_a_korean_word_finds_the_class() {
        var found = catalog.search(query(Map.of("q", "수영", "size", "100")));
        assertThat(found.items()).extracting(o -> o.program().titleKo())
                .contains("수영 초급 정규반", "수영 중급 정규반", "어린이 생존수영")
                .allSatisfy(t -> assertThat(t).contains("수영"));
        assertThat(catalog.search(query(Map.of("q", "초급"))).items())
                .allSatisfy(o -> assertThat(o.program().titleKo()).contains("초급"));
        assertThat(catalog.search(query(Map.of("q", "SWIM", "size", "100"))).total())
                .as("English titles, any case").isEqualTo(found.total());
        assertThat(catalog.search(query(Map.of("q", "박수영"))).items()).as("instructor names")
                .allSatisfy(o -> assertThat(o.program().titleKo()).isEqualTo("수영 초급 정규반")).isNotEmpty();
        assertThat(catalog.search(query(Map.of("q", "(.*)"))).total()).as("no regex injection").isZero();
    }

    @Test
    void filters_combine() {
        var saturdaySwimming = catalog.search(query(Map.of("q", "수영", "weekday", "saturday")));
        assertThat(saturdaySwimming.items()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.schedule().weekdays()).contains(DayOfWeek.SATURDAY));
        assertThat(catalog.search(query(Map.of("free", "true", "size", "100"))).items())
                .isNotEmpty().allSatisfy(o -> assertThat(o.program().fee()).isZero());
        assertThat(catalog.search(query(Map.of("time", "evening", "size", "100"))).items())
                .isNotEmpty().allSatisfy(o -> assertThat(o.schedule().startTime()).isAfterOrEqualTo(LocalTime.of(18, 0)));
        assertThat(catalog.search(query(Map.of("age", "10", "size", "100"))).items()).isNotEmpty()
                .allSatisfy(o -> {
                    assertThat(o.program().minAge() == null || o.program().minAge() <= 10).isTrue();
                    assertThat(o.program().maxAge() == null || o.program().maxAge() >= 10).isTrue();
                });
        assertThat(catalog.search(query(Map.of("domain", "access", "audience", "adult", "size", "100"))).items())
                .extracting(o -> o.program().titleKo()).contains("늘푸른학교 초등 1단계", "늘푸른학교 중학 과정");
        assertThat(catalog.search(query(Map.of("seats", "true"))).items()).allSatisfy(o -> assertThat(o.seatsLeft()).isPositive());
    }

    @Test
    void pages_do_not_overlap_and_totals_agree() {
        var first = catalog.search(query(Map.of("size", "10")));
        var second = catalog.search(query(Map.of("size", "10", "page", "1")));
        assertThat(first.items()).hasSize(10);
        assertThat(second.items()).hasSize(10);
        assertThat(first.total()).isEqualTo(second.total());
        assertThat(first.items()).extracting(Offering::id).doesNotContainAnyElementsOf(second.items().stream().map(Offering::id).toList());
        var cheapest = catalog.search(query(Map.of("sort", "fee_low", "size", "100")));
        assertThat(cheapest.items()).extracting(o -> o.program().fee()).isSorted();
    }

    @Test
    void unknown_filter_values_are_refused() {
        assertThatThrownBy(() -> query(Map.of("domain", "cooking"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> query(Map.of("page", "-1"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> query(Map.of("size", "1000"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> query(Map.of("age", "many"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> query(Map.of("branch", "../etc"))).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void session_dates_skip_public_holidays() {
        var offerings = catalog.search(query(Map.of("size", "100"))).items();
        var holidays = org.baeum.calendar.internal.KoreanPublicHolidays.bundled();
        assertThat(offerings).allSatisfy(o -> assertThat(o.sessionDates())
                .allSatisfy(d -> assertThat(holidays.isHoliday(d)).as(o.title(java.util.Locale.KOREAN) + " " + d).isFalse()));
    }

    // ---- planning ---------------------------------------------------------------------------------------

    private Offering anyRunning() {
        return catalog.search(query(Map.of("q", "캘리그라피"))).items().getFirst();
    }

    private OfferingDraft draftLike(Offering o, String roomId, Set<DayOfWeek> days, LocalTime start, LocalTime end,
                                    Integer capacity) {
        LocalDateTime firstSession = LocalDateTime.of(o.schedule().firstDate(), start);
        return new OfferingDraft(null, o.program().id(), o.termId(), roomId, days, start, end, o.schedule().firstDate(),
                o.schedule().lastDate(), capacity, firstSession.minusDays(20), firstSession.minusDays(5),
                RecruitmentMethod.FIRST_COME);
    }

    private long stored() {
        return catalog.searchForStaff(CatalogQuery.all()).total();
    }

    @Test
    void bad_offering_input_is_refused_field_by_field_and_nothing_is_stored() {
        SystemIdentity.run(() -> {
            Offering o = anyRunning();
            long before = stored();
            var bad = new OfferingDraft(null, o.program().id(), o.termId(), "main-ll-1", Set.of(DayOfWeek.SUNDAY),
                    LocalTime.of(12, 0), LocalTime.of(11, 0), o.schedule().lastDate(), o.schedule().firstDate(), 0,
                    LocalDateTime.now(), LocalDateTime.now().minusDays(1), RecruitmentMethod.FIRST_COME);
            assertThatThrownBy(() -> catalog.saveOffering(bad)).isInstanceOfSatisfying(CatalogValidationException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).contains(
                            org.assertj.core.groups.Tuple.tuple("endTime", "validation.endBeforeStart"),
                            org.assertj.core.groups.Tuple.tuple("lastDate", "validation.endBeforeStart"),
                            org.assertj.core.groups.Tuple.tuple("capacity", "validation.capacityMin"),
                            org.assertj.core.groups.Tuple.tuple("phase.0.closes", "validation.closesBeforeOpens")));
            assertThat(stored()).isEqualTo(before);
        });
    }

    @Test
    void overlapping_phases_and_methods_not_yet_available_are_refused_and_nothing_is_stored() {
        SystemIdentity.run(() -> {
            Offering o = anyRunning();
            OfferingDraft good = draftLike(o, "main-club", Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), 10);
            var draw = new OfferingDraft.PhaseDraft(good.phases().getFirst().opens(),
                    good.phases().getFirst().opens().plusDays(5), RecruitmentMethod.LOTTERY);
            var overlapping = new OfferingDraft.PhaseDraft(draw.closes().minusHours(1), good.phases().getFirst().closes(),
                    RecruitmentMethod.RE_REGISTRATION);
            long before = stored();
            var bad = new OfferingDraft(null, good.programId(), good.termId(), good.roomId(), good.weekdays(),
                    good.startTime(), good.endTime(), good.firstDate(), good.lastDate(), good.capacity(),
                    List.of(draw, overlapping));
            assertThatThrownBy(() -> catalog.saveOffering(bad)).isInstanceOfSatisfying(CatalogValidationException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("phase.1.method", "validation.methodNotYet"),
                            org.assertj.core.groups.Tuple.tuple("phase.1.opens", "validation.phaseOverlap")));
            assertThat(stored()).isEqualTo(before);
        });
    }

    @Test
    void capacity_cannot_exceed_the_rooms_seats() {
        SystemIdentity.run(() -> {
            Offering o = anyRunning();
            var tooMany = draftLike(o, "main-club", Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), 13);
            assertThatThrownBy(() -> catalog.saveOffering(tooMany)).isInstanceOfSatisfying(CatalogValidationException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::messageKey).containsExactly("validation.capacityAboveSeats"));
        });
    }

    @Test
    void a_room_cannot_be_booked_by_two_offerings_at_once() {
        SystemIdentity.run(() -> {
            Offering o = anyRunning();
            var clash = draftLike(o, o.roomId(), o.schedule().weekdays(), o.schedule().startTime().plusMinutes(30),
                    o.schedule().endTime().plusMinutes(30), 5);
            // another program so that the instructor rule does not fire first
            var other = catalog.programs().stream().filter(p -> p.instructors().stream()
                    .noneMatch(i -> o.program().instructors().contains(i)) && p.branchId().equals(o.program().branchId()))
                    .findFirst().orElseThrow();
            var draft = new OfferingDraft(null, other.id(), clash.termId(), clash.roomId(), clash.weekdays(),
                    clash.startTime(), clash.endTime(), clash.firstDate(), clash.lastDate(), 5, clash.phases());
            assertThatThrownBy(() -> catalog.saveOffering(draft)).isInstanceOfSatisfying(CatalogValidationException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::messageKey).contains("validation.roomConflict"));
        });
    }

    @Test
    void an_instructor_cannot_teach_two_offerings_at_once() {
        SystemIdentity.run(() -> {
            Offering o = anyRunning();
            String freeRoom = "main-auditorium";
            var draft = draftLike(o, freeRoom, o.schedule().weekdays(), o.schedule().startTime(), o.schedule().endTime(), 10);
            assertThatThrownBy(() -> catalog.saveOffering(draft)).isInstanceOfSatisfying(CatalogValidationException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::messageKey).contains("validation.instructorConflict"));
        });
    }

    @Test
    void staff_create_publish_and_copy_an_offering() {
        SystemIdentity.run(() -> {
            Offering o = anyRunning();
            var draft = draftLike(o, "main-club", Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), 10);
            OfferingId id = catalog.saveOffering(draft);
            assertThat(catalog.offering(id)).get().extracting(Offering::publication).isEqualTo(Publication.DRAFT);
            TestAccounts.signOut();
            assertThat(catalog.offering(id)).as("drafts are invisible to the public").isEmpty();
            SystemIdentity.run(() -> catalog.publish(id));
            assertThat(catalog.offering(id)).get().extracting(Offering::publication).isEqualTo(Publication.PUBLISHED);
            SystemIdentity.run(() -> {
                var nextTerm = catalog.terms().stream().filter(t -> t.startDate().isAfter(LocalDate.now())
                        && t.type() == TermType.THREE_MONTH).findFirst().orElseThrow();
                var currentTerm = catalog.terms().stream().filter(t -> t.id().equals(o.termId())).findFirst().orElseThrow();
                TermId copyTarget = catalog.saveTerm(new TermDraft(null, "복사 시험 기수", "Copy test term", TermType.THREE_MONTH,
                        nextTerm.startDate().plusWeeks(20), nextTerm.endDate().plusWeeks(20)));
                var result = copies.copyTerm(currentTerm.id(), copyTarget);
                assertThat(result.created()).isNotEmpty();
                assertThat(result.created()).allSatisfy(copy -> assertThat(catalog.offering(copy)).get()
                        .satisfies(c -> {
                            assertThat(c.publication()).isEqualTo(Publication.DRAFT);
                            assertThat(c.termId()).isEqualTo(copyTarget);
                        }));
            });
        });
    }

    @Test
    void citizens_and_anonymous_visitors_cannot_plan() {
        Offering o = anyRunning();
        var draft = draftLike(o, "main-club", Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), 10);
        assertThatThrownBy(() -> catalog.saveOffering(draft)).isInstanceOfAny(AccessDeniedException.class,
                AuthorizationDeniedException.class, org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        TestAccounts.signIn(accounts.user("catalog-citizen"));
        assertThatThrownBy(() -> catalog.saveOffering(draft)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalog.publish(o.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalog.searchForStaff(CatalogQuery.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> copies.copyTerm(o.termId(), o.termId())).isInstanceOf(AccessDeniedException.class);
    }
}
