package org.baeum.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.facility.FacilityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The calendar service on the demo places: who may change it (STAFF and ADMIN; a citizen, an instructor and an
 * anonymous caller are refused and nothing changes), every field checked, reading open to anyone, and a facility
 * closed through it.
 */
@BaeumIntegrationTest
class DaysOffTest {

    @Autowired
    DaysOff daysOff;
    @Autowired
    FacilityService facilities;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.create("days-off-staff", Role.STAFF);
        accounts.create("days-off-admin", Role.ADMIN);
        accounts.create("days-off-citizen", Role.CITIZEN);
        accounts.create("days-off-instructor", Role.INSTRUCTOR);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    /** A Wednesday some weeks ahead that is no public holiday (so a closure is the only reason it is off). */
    private LocalDate ordinaryWednesday(int weeksAhead) {
        LocalDate day = today().plusWeeks(weeksAhead).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        while (daysOff.between(day, day).dayOff(day, Place.branch("nowhere")).isPresent()) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    private ClosureDraft roomClosure(LocalDate day) {
        return new ClosureDraft(ClosureScope.ROOM, "main-ll-3", day, day, "컴퓨터 교체", "New computers");
    }

    private List<String> ids() {
        return daysOff.closuresFrom(today()).stream().map(Closure::id).toList();
    }

    @Test
    void a_citizen_an_instructor_and_an_anonymous_caller_are_refused_any_change_and_nothing_changes() {
        LocalDate day = ordinaryWednesday(3);
        TestAccounts.signIn(accounts.user("days-off-staff"));
        Closure kept = daysOff.addClosure(roomClosure(day));
        List<String> before = ids();

        for (String who : List.of("days-off-citizen", "days-off-instructor")) {
            TestAccounts.signIn(accounts.user(who));
            assertThatThrownBy(() -> daysOff.addClosure(roomClosure(day))).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> daysOff.removeClosure(kept.id())).as(who).isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signOut();
        assertThatThrownBy(() -> daysOff.addClosure(roomClosure(day)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> daysOff.removeClosure(kept.id()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        assertThat(ids()).isEqualTo(before).contains(kept.id());
    }

    @Test
    void reading_the_calendar_is_open_to_anyone() {
        LocalDate day = ordinaryWednesday(4);
        TestAccounts.signIn(accounts.user("days-off-admin"));
        Closure closure = daysOff.addClosure(roomClosure(day));
        TestAccounts.signOut();

        assertThat(daysOff.closuresFrom(today())).extracting(Closure::id).contains(closure.id());
        DayOff off = daysOff.dayOff(day, Place.room("main", "main-ll-3")).orElseThrow();
        assertThat(off.kind()).isEqualTo(DayOff.Kind.CLOSURE);
        assertThat(off.scope()).isEqualTo(ClosureScope.ROOM);
        assertThat(off.reasonEn()).isEqualTo("New computers");
        assertThat(daysOff.dayOff(day, Place.room("main", "main-ll-1"))).isEmpty();
        assertThat(daysOff.places()).extracting(ClosablePlace::scope, ClosablePlace::id).contains(
                tuple(ClosureScope.BRANCH, "main"), tuple(ClosureScope.BRANCH, "ahyeon"),
                tuple(ClosureScope.ROOM, "main-ll-3"), tuple(ClosureScope.FACILITY, "main-pool"));
    }

    @Test
    void staff_add_and_remove_a_closure() {
        LocalDate day = ordinaryWednesday(5);
        TestAccounts.signIn(accounts.user("days-off-staff"));
        Closure added = daysOff.addClosure(new ClosureDraft(ClosureScope.BRANCH, "ahyeon", day, day.plusDays(2),
                "  아현분관 소독  ", "Disinfection"));
        assertThat(added.scope()).isEqualTo(ClosureScope.BRANCH);
        assertThat(added.branchId()).isEqualTo("ahyeon");
        assertThat(added.reasonKo()).isEqualTo("아현분관 소독");
        assertThat(ids()).contains(added.id());

        daysOff.removeClosure(added.id());
        assertThat(ids()).doesNotContain(added.id());
        assertThatThrownBy(() -> daysOff.removeClosure(added.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple("id", "validation.unknown")));
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_stored() {
        LocalDate day = ordinaryWednesday(6);
        TestAccounts.signIn(accounts.user("days-off-staff"));
        List<String> before = ids();
        String tooLong = "가".repeat(DaysOff.MAX_REASON + 1);

        assertThat(problems(new ClosureDraft(null, null, null, null, " ", null))).containsExactlyInAnyOrder(
                tuple("scope", "validation.required"), tuple("firstDay", "validation.required"),
                tuple("lastDay", "validation.required"), tuple("reasonKo", "validation.required"),
                tuple("reasonEn", "validation.required"));
        assertThat(problems(new ClosureDraft(ClosureScope.ROOM, null, day, day.minusDays(1), tooLong, "ok")))
                .containsExactlyInAnyOrder(tuple("target", "validation.required"),
                        tuple("lastDay", "validation.endBeforeStart"), tuple("reasonKo", "validation.tooLong"));
        assertThat(problems(new ClosureDraft(ClosureScope.ROOM, "main-pool-typo", day, day, "가", "a")))
                .containsExactly(tuple("target", "validation.unknown"));
        assertThat(problems(new ClosureDraft(ClosureScope.FACILITY, "main-ll-1", day, day, "가", "a")))
                .as("a room is no facility").containsExactly(tuple("target", "validation.unknown"));
        assertThat(problems(new ClosureDraft(ClosureScope.ALL, null, today().minusDays(3), today().minusDays(1), "가", "a")))
                .containsExactly(tuple("lastDay", "closure.validation.past"));
        assertThat(problems(new ClosureDraft(ClosureScope.ALL, null, day, day.plusDays(DaysOff.MAX_SPAN_DAYS), "가", "a")))
                .containsExactly(tuple("lastDay", "validation.spanTooLong"));

        assertThat(ids()).isEqualTo(before);
    }

    private List<org.assertj.core.groups.Tuple> problems(ClosureDraft draft) {
        try {
            daysOff.addClosure(draft);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> tuple(p.field(), p.messageKey())).toList();
        }
        throw new AssertionError("accepted: " + draft);
    }

    @Test
    void the_pool_closed_for_a_week_is_closed_for_bookings_while_the_gym_and_the_pool_room_are_not() {
        LocalDate day = ordinaryWednesday(7);
        TestAccounts.signIn(accounts.user("days-off-staff"));
        daysOff.addClosure(new ClosureDraft(ClosureScope.FACILITY, "main-pool", day.minusDays(2), day.plusDays(4),
                "수영장 여과기 교체", "New pool filters"));
        TestAccounts.signOut();

        DayOff pool = facilities.closedOn("main-pool", day).orElseThrow();
        assertThat(pool.scope()).isEqualTo(ClosureScope.FACILITY);
        assertThat(pool.reasonKo()).isEqualTo("수영장 여과기 교체");
        assertThat(facilities.closedOn("main-gym", day)).isEmpty();
        assertThat(daysOff.dayOff(day, Place.room("main", "main-pool"))).as("classes in the pool room run").isEmpty();

        LocalDate later = ordinaryWednesday(9);
        TestAccounts.signIn(accounts.user("days-off-staff"));
        daysOff.addClosure(new ClosureDraft(ClosureScope.BRANCH, "main", later, later, "본관 소방 점검", "Fire inspection"));
        TestAccounts.signOut();
        assertThat(facilities.closedOn("main-gym", later)).as("a branch closure closes its facilities")
                .get().extracting(DayOff::scope).isEqualTo(ClosureScope.BRANCH);
        assertThatThrownBy(() -> facilities.closedOn("no-such-facility", day)).isInstanceOf(IllegalArgumentException.class);
    }
}
