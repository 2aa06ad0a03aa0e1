package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Session generation reads the calendar of days off: a closure of one room takes its days out of the offerings held
 * in that room, not out of those in the room next door; a closure of the branch out of both; and
 * the calendar names the next closed day of a room, which the offer deadline reads.
 */
@BaeumIntegrationTest
class CalendarClosesARoomTest {

    private static final LocalDate SEP_5 = LocalDate.of(2027, 9, 5); // a Sunday
    private static final LocalDate SEP_12 = SEP_5.plusWeeks(1);
    private static final LocalDate SEP_19 = SEP_5.plusWeeks(2);
    private static final LocalDate SEP_26 = SEP_5.plusWeeks(3);
    private static final LocalDate OCT_3 = SEP_5.plusWeeks(4); // 개천절, a public holiday
    private static final LocalDate OCT_10 = SEP_5.plusWeeks(5);

    @Autowired
    CatalogService catalog;
    @Autowired
    DaysOff daysOff;
    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.create("calendar-planner", Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A Sunday class from 5 September to 10 October 2027 in a room of the main building, at the given hour. */
    private OfferingId sundayClass(Program program, TermId term, String roomId, int hour) {
        LocalTime start = LocalTime.of(hour, 0);
        return catalog.saveOffering(new OfferingDraft(null, program.id(), term, roomId, Set.of(DayOfWeek.SUNDAY), start,
                start.plusHours(1), SEP_5, OCT_10, 10, LocalDateTime.of(2027, 8, 1, 10, 0),
                LocalDateTime.of(2027, 9, 1, 18, 0), RecruitmentMethod.FIRST_COME));
    }

    private List<LocalDate> sessions(OfferingId id) {
        return catalog.offering(id).orElseThrow().sessionDates();
    }

    @Test
    void the_calendar_closes_a_room_and_the_room_next_door_still_meets() {
        TestAccounts.signIn(accounts.user("calendar-planner"));
        Program program = catalog.programs().stream().filter(p -> p.branchId().value().equals("main")).findFirst()
                .orElseThrow();
        TermId term = catalog.saveTerm(new TermDraft(null, "휴관 시험 기수", "Closure test term", TermType.THREE_MONTH,
                LocalDate.of(2027, 9, 1), LocalDate.of(2027, 11, 30)));

        daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM, "main-ll-1", SEP_12, SEP_19, "바닥 공사", "Floor works"));
        OfferingId closedRoom = sundayClass(program, term, "main-ll-1", 7);
        OfferingId nextDoor = sundayClass(program, term, "main-ll-2", 8);

        assertThat(sessions(closedRoom)).as("the room closure and the holiday skipped")
                .containsExactly(SEP_5, SEP_26, OCT_10);
        assertThat(sessions(nextDoor)).containsExactly(SEP_5, SEP_12, SEP_19, SEP_26, OCT_10);

        daysOff.addClosure(new ClosureDraft(ClosureScope.BRANCH, "main", OCT_10, OCT_10, "본관 전기 점검",
                "Electrical inspection"));
        OfferingId closedRoomAgain = sundayClass(program, term, "main-ll-1", 10);
        OfferingId nextDoorAgain = sundayClass(program, term, "main-ll-2", 11);
        assertThat(sessions(closedRoomAgain)).containsExactly(SEP_5, SEP_26);
        assertThat(sessions(nextDoorAgain)).as("a branch closure closes every room of the branch")
                .containsExactly(SEP_5, SEP_12, SEP_19, SEP_26);
        assertThat(sessions(closedRoom)).as("offerings planned before keep their dates")
                .containsExactly(SEP_5, SEP_26, OCT_10);

        LocalDate before = SEP_5.minusDays(1);
        assertThat(daysOff.firstClosedDayAfter(before, "main", "main-ll-1")).contains(SEP_12);
        assertThat(daysOff.firstClosedDayAfter(before, "main", "main-ll-2")).contains(OCT_10);
        assertThat(daysOff.firstClosedDayAfter(before, "main", null)).contains(OCT_10);
        assertThat(daysOff.firstClosedDayAfter(before, "ahyeon", "ahyeon-ll-1")).isEmpty();
    }
}
