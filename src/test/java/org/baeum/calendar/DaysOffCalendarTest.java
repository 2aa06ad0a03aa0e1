package org.baeum.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.baeum.calendar.internal.KoreanPublicHolidays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scope rules of the calendar of days off, without Spring: which closure closes which place, and why a day is off. */
class DaysOffCalendarTest {

    private static final LocalDate MON = LocalDate.of(2026, 4, 13);
    private static final LocalDate SUN = LocalDate.of(2026, 4, 19);
    private static final Place BRANCH = Place.branch("main");
    private static final Place ROOM_1 = Place.room("main", "main-ll-1");
    private static final Place ROOM_2 = Place.room("main", "main-ll-2");
    private static final Place POOL = Place.facility("main", "main-pool");
    private static final Place OTHER_BRANCH_ROOM = Place.room("ahyeon", "ahyeon-1");

    private static DaysOffCalendar calendar(Closure... closures) {
        return DaysOffCalendar.of(KoreanPublicHolidays.bundled(), List.of(closures));
    }

    @Nested
    class Hours {

        private final Closure afternoon = new Closure("h1", ClosureScope.ROOM, "main", "main-ll-1", null, MON, MON,
                "배관 점검", "Pipe check", java.time.LocalTime.of(13, 0), java.time.LocalTime.of(15, 0));

        @Test
        void a_closure_of_some_hours_makes_no_day_off_but_is_listed_with_its_hours_on_its_days() {
            DaysOffCalendar calendar = calendar(afternoon);
            assertThat(calendar.dayOff(MON, ROOM_1)).isEmpty();
            assertThat(calendar.closuresOn(MON, ROOM_1)).containsExactly(afternoon);
            assertThat(calendar.closuresOn(MON, ROOM_2)).isEmpty();
            assertThat(calendar.closuresOn(MON.plusDays(1), ROOM_1)).isEmpty();
            assertThat(calendar.firstClosureStartAfter(MON.minusDays(3), ROOM_1)).as("no day off starts").isEmpty();
        }

        @Test
        void it_closes_what_overlaps_its_hours_only() {
            assertThat(afternoon.closesDuring(MON, java.time.LocalTime.of(14, 0), java.time.LocalTime.of(16, 0))).isTrue();
            assertThat(afternoon.closesDuring(MON, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(13, 0))).isFalse();
            assertThat(afternoon.closesDuring(MON, java.time.LocalTime.of(15, 0), java.time.LocalTime.of(17, 0))).isFalse();
            assertThatThrownBy(() -> new Closure("h2", ClosureScope.ALL, null, null, null, MON, MON, "가", "a",
                    java.time.LocalTime.of(15, 0), null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Closure("h3", ClosureScope.ALL, null, null, null, MON, MON, "가", "a",
                    java.time.LocalTime.of(15, 0), java.time.LocalTime.of(15, 0))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Scopes {

        @Test
        void a_branch_closure_closes_the_branch_its_rooms_and_its_facilities_but_not_another_branch() {
            Closure closure = Closure.branch("c1", "main", MON, SUN, "보수공사", "Renovation");
            assertThat(closure.closes(BRANCH)).isTrue();
            assertThat(closure.closes(ROOM_1)).isTrue();
            assertThat(closure.closes(ROOM_2)).isTrue();
            assertThat(closure.closes(POOL)).isTrue();
            assertThat(closure.closes(OTHER_BRANCH_ROOM)).isFalse();
            assertThat(closure.closes(Place.branch("ahyeon"))).isFalse();
        }

        @Test
        void a_room_closure_closes_that_room_only() {
            Closure closure = Closure.room("c2", "main", "main-ll-1", MON, SUN, "바닥 공사", "Floor works");
            assertThat(closure.closes(ROOM_1)).isTrue();
            assertThat(closure.closes(ROOM_2)).as("the branch's other rooms").isFalse();
            assertThat(closure.closes(BRANCH)).as("the branch as a whole").isFalse();
            assertThat(closure.closes(POOL)).isFalse();
        }

        @Test
        void a_facility_closure_closes_that_facility_only() {
            Closure closure = Closure.facility("c3", "main", "main-pool", MON, SUN, "수영장 점검", "Pool maintenance");
            assertThat(closure.closes(POOL)).isTrue();
            assertThat(closure.closes(Place.facility("main", "main-gym"))).isFalse();
            assertThat(closure.closes(ROOM_1)).isFalse();
            assertThat(closure.closes(BRANCH)).isFalse();
        }

        @Test
        void a_closure_of_every_branch_closes_every_place() {
            Closure closure = Closure.allBranches("c4", MON, SUN, "전산 점검", "System maintenance");
            for (Place place : List.of(BRANCH, ROOM_1, ROOM_2, POOL, OTHER_BRANCH_ROOM)) {
                assertThat(closure.closes(place)).as(place.toString()).isTrue();
            }
        }

        @Test
        void the_ids_must_fit_the_scope() {
            assertThatThrownBy(() -> new Closure("x", ClosureScope.ROOM, "main", null, null, MON, SUN, "가", "a"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROOM");
            assertThatThrownBy(() -> new Closure("x", ClosureScope.ALL, "main", null, null, MON, SUN, "가", "a"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Closure("x", ClosureScope.BRANCH, "main", "main-ll-1", null, MON, SUN, "가", "a"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Closure.branch("x", "main", SUN, MON, "가", "a"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before firstDay");
            assertThatThrownBy(() -> Closure.branch("x", "main", MON, SUN, " ", "a"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Place("main", "room", "pool")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DaysOffOfAPlace {

        @Test
        void a_day_in_a_room_closure_is_off_for_that_room_with_its_scope_and_reason() {
            DaysOffCalendar calendar = calendar(Closure.room("c2", "main", "main-ll-1", MON, SUN, "바닥 공사", "Floor works"));
            DayOff off = calendar.dayOff(MON.plusDays(1), ROOM_1).orElseThrow();
            assertThat(off.kind()).isEqualTo(DayOff.Kind.CLOSURE);
            assertThat(off.scope()).isEqualTo(ClosureScope.ROOM);
            assertThat(off.reason(Locale.KOREAN)).isEqualTo("바닥 공사");
            assertThat(off.reason(Locale.ENGLISH)).isEqualTo("Floor works");
            assertThat(calendar.dayOff(MON.plusDays(1), ROOM_2)).isEmpty();
            assertThat(calendar.dayOff(SUN.plusDays(1), ROOM_1)).as("the day after").isEmpty();
        }

        @Test
        void a_holiday_is_off_everywhere_and_wins_over_a_closure() {
            LocalDate childrensDay = LocalDate.of(2026, 5, 5);
            DaysOffCalendar calendar = calendar(Closure.branch("c1", "main", childrensDay, childrensDay, "휴관", "Closed"));
            for (Place place : List.of(ROOM_1, POOL, OTHER_BRANCH_ROOM)) {
                DayOff off = calendar.dayOff(childrensDay, place).orElseThrow();
                assertThat(off.kind()).isEqualTo(DayOff.Kind.HOLIDAY);
                assertThat(off.scope()).isNull();
                assertThat(off.reasonKo()).isEqualTo("어린이날");
            }
        }

        @Test
        void of_overlapping_closures_the_one_that_starts_first_is_the_reason() {
            DaysOffCalendar calendar = calendar(
                    Closure.allBranches("late", SUN, SUN, "전산 점검", "System maintenance"),
                    Closure.room("early", "main", "main-ll-1", MON, SUN, "바닥 공사", "Floor works"));
            assertThat(calendar.dayOff(SUN, ROOM_1).orElseThrow().scope()).isEqualTo(ClosureScope.ROOM);
            assertThat(calendar.dayOff(SUN, ROOM_2).orElseThrow().scope()).isEqualTo(ClosureScope.ALL);
        }

        @Test
        void a_year_without_holiday_data_is_refused_not_answered_as_open() {
            assertThatThrownBy(() -> calendar().dayOff(LocalDate.of(2031, 3, 3), ROOM_1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2031");
            assertThat(calendar().covers(LocalDate.of(2031, 3, 3))).isFalse();
        }
    }

    @Nested
    class FirstClosureAfterToday {

        @Test
        void the_next_closure_of_the_room_or_its_branch_counts_and_another_rooms_does_not() {
            LocalDate today = MON.minusDays(7);
            DaysOffCalendar calendar = calendar(
                    Closure.room("other-room", "main", "main-ll-2", today.plusDays(1), today.plusDays(2), "가", "a"),
                    Closure.room("own-room", "main", "main-ll-1", today.plusDays(5), today.plusDays(6), "나", "b"),
                    Closure.branch("branch", "main", today.plusDays(9), today.plusDays(9), "다", "c"));
            assertThat(calendar.firstClosureStartAfter(today, ROOM_1)).contains(today.plusDays(5));
            assertThat(calendar.firstClosureStartAfter(today, ROOM_2)).contains(today.plusDays(1));
            assertThat(calendar.firstClosureStartAfter(today, BRANCH)).as("the branch as a whole").contains(today.plusDays(9));
            assertThat(calendar.firstClosureStartAfter(today, OTHER_BRANCH_ROOM)).isEmpty();
        }

        @Test
        void a_closure_under_way_today_and_holidays_do_not_count() {
            LocalDate today = LocalDate.of(2026, 5, 4); // Children's Day is tomorrow
            DaysOffCalendar calendar = calendar(Closure.branch("running", "main", today.minusDays(1), today.plusDays(3),
                    "보수공사", "Renovation"));
            assertThat(calendar.firstClosureStartAfter(today, ROOM_1)).isEmpty();
            assertThat(calendar.firstClosureStartAfter(today.minusDays(2), ROOM_1)).contains(today.minusDays(1));
        }
    }
}
