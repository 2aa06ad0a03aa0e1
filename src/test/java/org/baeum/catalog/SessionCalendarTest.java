package org.baeum.catalog;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baeum.calendar.Closure;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Holiday;
import org.baeum.calendar.HolidayCalendar;
import org.baeum.calendar.Place;
import org.baeum.calendar.internal.KoreanPublicHolidays;
import org.baeum.catalog.SkippedDate.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionCalendarTest {

    private static final HolidayCalendar HOLIDAYS = KoreanPublicHolidays.bundled();
    private static final String MAPO = "mapo";
    private static final String GANGNAM = "gangnam";
    private static final Place MAPO_ROOM = Place.room(MAPO, "mapo-101");

    private static WeeklySchedule weekly(LocalDate first, LocalDate last, DayOfWeek... days) {
        return new WeeklySchedule(Set.of(days), LocalTime.of(10, 0), LocalTime.of(12, 0), first, last);
    }

    private static SessionPlan plan(WeeklySchedule schedule, Closure... closures) {
        return plan(schedule, MAPO_ROOM, closures);
    }

    private static SessionPlan plan(WeeklySchedule schedule, Place place, Closure... closures) {
        return SessionCalendar.plan(schedule, place, DaysOffCalendar.of(HOLIDAYS, List.of(closures)));
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Nested
    class WeekdayPatterns {

        @Test
        void mon_wed_fri_class_meets_on_exactly_those_weekdays() {
            SessionPlan plan = plan(weekly(d(2026, 4, 6), d(2026, 4, 17), MONDAY, WEDNESDAY, FRIDAY));
            assertThat(plan.sessionDates()).containsExactly(
                    d(2026, 4, 6), d(2026, 4, 8), d(2026, 4, 10), d(2026, 4, 13), d(2026, 4, 15), d(2026, 4, 17));
            assertThat(plan.skipped()).isEmpty();
            assertThat(plan.sessionCount()).isEqualTo(6);
        }

        @Test
        void saturday_only_class_skips_memorial_day_on_a_saturday() {
            SessionPlan plan = plan(weekly(d(2026, 6, 1), d(2026, 6, 30), SATURDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 6, 13), d(2026, 6, 20), d(2026, 6, 27));
            assertThat(plan.skipped()).containsExactly(
                    new SkippedDate(d(2026, 6, 6), Reason.HOLIDAY, "현충일", "Memorial Day"));
        }

        @Test
        void term_boundaries_are_inclusive() {
            SessionPlan plan = plan(weekly(d(2026, 4, 7), d(2026, 4, 21), TUESDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 4, 7), d(2026, 4, 14), d(2026, 4, 21));
        }

        @Test
        void term_without_any_scheduled_weekday_gives_an_empty_plan() {
            SessionPlan plan = plan(weekly(d(2026, 4, 7), d(2026, 4, 9), MONDAY));
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.skipped()).isEmpty();
        }
    }

    @Nested
    class PublicHolidays2026 {

        @Test
        void seollal_2026_sessions_are_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 2, 9), d(2026, 2, 25), MONDAY, WEDNESDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 2, 9), d(2026, 2, 11), d(2026, 2, 23), d(2026, 2, 25));
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::reason, SkippedDate::nameKo)
                    .containsExactly(
                            tuple(d(2026, 2, 16), Reason.HOLIDAY, "설날 전날"),
                            tuple(d(2026, 2, 18), Reason.HOLIDAY, "설날 다음날"));
        }

        @Test
        void samiljeol_substitute_monday_2026_is_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 2, 23), d(2026, 3, 16), MONDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 2, 23), d(2026, 3, 9), d(2026, 3, 16));
            assertThat(plan.skipped()).containsExactly(new SkippedDate(d(2026, 3, 2), Reason.HOLIDAY,
                    "대체공휴일(3·1절)", "Substitute holiday for Independence Movement Day"));
        }

        @Test
        void childrens_day_and_buddhas_birthday_substitute_2026_are_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 5, 1), d(2026, 5, 31), MONDAY, TUESDAY));
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::nameEn).containsExactly(
                    tuple(d(2026, 5, 5), "Children's Day"),
                    tuple(d(2026, 5, 25), "Substitute holiday for Buddha's Birthday"));
            assertThat(plan.sessionDates()).containsExactly(
                    d(2026, 5, 4), d(2026, 5, 11), d(2026, 5, 12), d(2026, 5, 18), d(2026, 5, 19), d(2026, 5, 26));
        }

        @Test
        void local_election_day_2026_is_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 6, 1), d(2026, 6, 30), WEDNESDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 6, 10), d(2026, 6, 17), d(2026, 6, 24));
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::nameKo)
                    .containsExactly(tuple(d(2026, 6, 3), "전국동시지방선거일"));
        }

        @Test
        void constitution_day_2026_is_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 7, 10), d(2026, 7, 24), FRIDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 7, 10), d(2026, 7, 24));
            assertThat(plan.skipped()).extracting(SkippedDate::nameKo).containsExactly("제헌절");
        }

        @Test
        void chuseok_2026_sessions_are_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 9, 1), d(2026, 9, 30), THURSDAY, FRIDAY));
            assertThat(plan.sessionDates()).containsExactly(
                    d(2026, 9, 3), d(2026, 9, 4), d(2026, 9, 10), d(2026, 9, 11), d(2026, 9, 17), d(2026, 9, 18));
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::reason, SkippedDate::nameKo)
                    .containsExactly(
                            tuple(d(2026, 9, 24), Reason.HOLIDAY, "추석 전날"),
                            tuple(d(2026, 9, 25), Reason.HOLIDAY, "추석"));
        }

        @Test
        void gaecheonjeol_substitute_and_hangeul_day_2026_are_skipped() {
            SessionPlan plan = plan(weekly(d(2026, 10, 1), d(2026, 10, 31), MONDAY, FRIDAY));
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::nameKo).containsExactly(
                    tuple(d(2026, 10, 5), "대체공휴일(개천절)"),
                    tuple(d(2026, 10, 9), "한글날"));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 10, 2), d(2026, 10, 12), d(2026, 10, 16),
                    d(2026, 10, 19), d(2026, 10, 23), d(2026, 10, 26), d(2026, 10, 30));
        }

        @Test
        void empty_plan_when_every_session_falls_on_chuseok() {
            SessionPlan plan = plan(weekly(d(2026, 9, 24), d(2026, 9, 26), THURSDAY, FRIDAY, SATURDAY));
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.sessionDates()).isEmpty();
            assertThat(plan.skipped()).extracting(SkippedDate::date)
                    .containsExactly(d(2026, 9, 24), d(2026, 9, 25), d(2026, 9, 26));
            assertThat(plan.skipped()).extracting(SkippedDate::reason).containsOnly(Reason.HOLIDAY);
        }
    }

    @Nested
    class PublicHolidays2027 {

        @Test
        void seollal_2027_substitute_tuesday_is_skipped() {
            SessionPlan plan = plan(weekly(d(2027, 2, 1), d(2027, 2, 16), MONDAY, TUESDAY));
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::nameKo).containsExactly(
                    tuple(d(2027, 2, 8), "설날 다음날"),
                    tuple(d(2027, 2, 9), "대체공휴일(설날)"));
            assertThat(plan.sessionDates()).containsExactly(d(2027, 2, 1), d(2027, 2, 2), d(2027, 2, 15), d(2027, 2, 16));
        }

        @Test
        void empty_plan_when_every_session_falls_on_chuseok_2027() {
            SessionPlan plan = plan(weekly(d(2027, 9, 14), d(2027, 9, 16), TUESDAY, WEDNESDAY, THURSDAY));
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.skipped()).hasSize(3);
        }

        @Test
        void plan_may_cross_from_2026_into_2027() {
            SessionPlan plan = plan(weekly(d(2026, 12, 21), d(2027, 1, 8), FRIDAY));
            assertThat(plan.skipped()).extracting(SkippedDate::nameEn).containsExactly("Christmas Day", "New Year's Day");
            assertThat(plan.sessionDates()).containsExactly(d(2027, 1, 8));
        }
    }

    @Nested
    class Closures {

        private final Closure mapoRenovation =
                Closure.branch("c-reno", MAPO, d(2026, 2, 26), d(2026, 4, 25), "건물 보수공사로 휴관",
                        "Closed for building renovation");

        @Test
        void building_closure_of_the_branch_skips_every_session_in_it() {
            SessionPlan plan = plan(weekly(d(2026, 2, 1), d(2026, 5, 31), TUESDAY, THURSDAY), mapoRenovation);

            assertThat(plan.sessionDates())
                    .noneMatch(mapoRenovation::includes)
                    .contains(d(2026, 2, 24), d(2026, 4, 28))
                    .doesNotContain(d(2026, 2, 17), d(2026, 5, 5));
            List<SkippedDate> closed = plan.skipped().stream().filter(s -> s.reason() == Reason.CLOSURE).toList();
            assertThat(closed).hasSize(17)
                    .allSatisfy(s -> {
                        assertThat(mapoRenovation.includes(s.date())).isTrue();
                        assertThat(s.nameKo()).isEqualTo("건물 보수공사로 휴관");
                        assertThat(s.nameEn()).isEqualTo("Closed for building renovation");
                    });
            assertThat(closed.getFirst().date()).isEqualTo(d(2026, 2, 26));
            assertThat(closed.getLast().date()).isEqualTo(d(2026, 4, 23));
            assertThat(plan.skipped()).filteredOn(s -> s.reason() == Reason.HOLIDAY)
                    .extracting(SkippedDate::date).containsExactly(d(2026, 2, 17), d(2026, 5, 5));
        }

        @Test
        void closure_of_another_branch_is_not_applied() {
            SessionPlan plan = plan(weekly(d(2026, 3, 3), d(2026, 3, 31), TUESDAY), Place.room(GANGNAM, "gangnam-1"),
                    mapoRenovation);
            assertThat(plan.sessionDates()).containsExactly(
                    d(2026, 3, 3), d(2026, 3, 10), d(2026, 3, 17), d(2026, 3, 24), d(2026, 3, 31));
            assertThat(plan.skipped()).isEmpty();
        }

        @Test
        void all_branch_closure_applies_to_every_branch() {
            Closure yearEnd = Closure.allBranches("c-year-end", d(2026, 12, 28), d(2026, 12, 31), "연말 휴관",
                    "Year-end closure");
            for (String branch : List.of(MAPO, GANGNAM)) {
                SessionPlan plan = plan(weekly(d(2026, 12, 14), d(2026, 12, 31), MONDAY, WEDNESDAY),
                        Place.room(branch, branch + "-1"), yearEnd);
                assertThat(plan.sessionDates()).as(branch)
                        .containsExactly(d(2026, 12, 14), d(2026, 12, 16), d(2026, 12, 21), d(2026, 12, 23));
                assertThat(plan.skipped()).as(branch)
                        .extracting(SkippedDate::date, SkippedDate::reason, SkippedDate::nameEn)
                        .containsExactly(
                                tuple(d(2026, 12, 28), Reason.CLOSURE, "Year-end closure"),
                                tuple(d(2026, 12, 30), Reason.CLOSURE, "Year-end closure"));
            }
        }

        @Test
        void a_holiday_inside_a_closure_is_reported_as_holiday() {
            Closure pool = Closure.branch("c-pool", MAPO, d(2026, 9, 21), d(2026, 9, 30), "수영장 청소", "Pool cleaning");
            SessionPlan plan = plan(weekly(d(2026, 9, 14), d(2026, 10, 2), MONDAY, THURSDAY), pool);
            assertThat(plan.skipped()).extracting(SkippedDate::date, SkippedDate::reason).containsExactly(
                    tuple(d(2026, 9, 21), Reason.CLOSURE),
                    tuple(d(2026, 9, 24), Reason.HOLIDAY),
                    tuple(d(2026, 9, 28), Reason.CLOSURE));
            assertThat(plan.sessionDates()).containsExactly(d(2026, 9, 14), d(2026, 9, 17), d(2026, 10, 1));
        }

        @Test
        void overlapping_closures_report_the_one_that_starts_first() {
            Closure later = Closure.allBranches("c-later", d(2026, 4, 14), d(2026, 4, 14), "전산 점검", "System maintenance");
            Closure earlier = Closure.branch("c-earlier", MAPO, d(2026, 4, 1), d(2026, 4, 30), "보일러 교체",
                    "Boiler replacement");
            SessionPlan plan = plan(weekly(d(2026, 4, 14), d(2026, 4, 14), TUESDAY), later, earlier);
            assertThat(plan.skipped()).extracting(SkippedDate::nameEn).containsExactly("Boiler replacement");
        }

        @Test
        void closures_outside_the_term_change_nothing() {
            Closure past = Closure.branch("c-past", MAPO, d(2026, 1, 5), d(2026, 1, 9), "휴관", "Closed");
            SessionPlan plan = plan(weekly(d(2026, 4, 6), d(2026, 4, 10), MONDAY), past);
            assertThat(plan.sessionDates()).containsExactly(d(2026, 4, 6));
            assertThat(plan.skipped()).isEmpty();
        }

        @Test
        void a_room_closure_skips_the_sessions_in_that_room_and_not_in_the_branchs_other_rooms() {
            Closure studio = Closure.room("c-studio", MAPO, "mapo-studio", d(2026, 4, 13), d(2026, 4, 19), "바닥 공사",
                    "Floor works");
            WeeklySchedule mondays = weekly(d(2026, 4, 6), d(2026, 4, 27), MONDAY);

            SessionPlan inStudio = plan(mondays, Place.room(MAPO, "mapo-studio"), studio);
            assertThat(inStudio.sessionDates()).containsExactly(d(2026, 4, 6), d(2026, 4, 20), d(2026, 4, 27));
            assertThat(inStudio.skipped()).containsExactly(new SkippedDate(d(2026, 4, 13), Reason.CLOSURE, "바닥 공사",
                    "Floor works"));

            SessionPlan nextDoor = plan(mondays, MAPO_ROOM, studio);
            assertThat(nextDoor.sessionDates()).containsExactly(d(2026, 4, 6), d(2026, 4, 13), d(2026, 4, 20), d(2026, 4, 27));
            assertThat(nextDoor.skipped()).isEmpty();
        }

        @Test
        void a_facility_closure_does_not_stop_classes_in_rooms() {
            Closure pool = Closure.facility("c-pool-week", MAPO, "mapo-pool", d(2026, 4, 13), d(2026, 4, 19),
                    "수영장 점검", "Pool maintenance");
            SessionPlan plan = plan(weekly(d(2026, 4, 13), d(2026, 4, 17), MONDAY, WEDNESDAY), MAPO_ROOM, pool);
            assertThat(plan.sessionDates()).containsExactly(d(2026, 4, 13), d(2026, 4, 15));
        }
    }

    @Nested
    class Coverage {

        @Test
        void plan_reaching_into_an_uncovered_year_names_the_year() {
            WeeklySchedule intoNextYear = weekly(d(2027, 11, 1), d(2028, 2, 28), MONDAY);
            assertThatThrownBy(() -> plan(intoNextYear))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2028")
                    .hasMessageNotContaining("2027,");
        }

        @Test
        void plan_starting_in_an_uncovered_past_year_names_the_year() {
            assertThatThrownBy(() -> plan(weekly(d(2024, 12, 4), d(2025, 1, 31), WEDNESDAY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("year 2024");
        }

        @Test
        void uncovered_days_that_are_not_session_days_do_not_matter() {
            // 2028-01-01 is a Saturday; a Monday class ending that day has no 2028 session date.
            SessionPlan plan = plan(weekly(d(2027, 12, 20), d(2028, 1, 1), MONDAY));
            assertThat(plan.sessionDates()).containsExactly(d(2027, 12, 20));
            assertThat(plan.skipped()).extracting(SkippedDate::nameKo).containsExactly("대체공휴일(성탄절)");
        }

        @Test
        void any_holiday_calendar_can_be_plugged_in() {
            HolidayCalendar noHolidays = new HolidayCalendar() {
                @Override
                public Optional<Holiday> holiday(LocalDate date) {
                    return Optional.empty();
                }

                @Override
                public boolean covers(LocalDate date) {
                    return true;
                }
            };
            SessionPlan plan = SessionCalendar.plan(weekly(d(2030, 9, 1), d(2030, 9, 30), MONDAY), MAPO_ROOM,
                    DaysOffCalendar.of(noHolidays, List.of()));
            assertThat(plan.sessionDates()).containsExactly(
                    d(2030, 9, 2), d(2030, 9, 9), d(2030, 9, 16), d(2030, 9, 23), d(2030, 9, 30));
        }
    }

    @Nested
    class Arguments {

        private final WeeklySchedule schedule = weekly(d(2026, 4, 6), d(2026, 4, 10), MONDAY);

        @Test
        void null_arguments_are_rejected() {
            DaysOffCalendar calendar = DaysOffCalendar.of(HOLIDAYS, List.of());
            assertThatNullPointerException().isThrownBy(() -> SessionCalendar.plan(null, MAPO_ROOM, calendar));
            assertThatNullPointerException().isThrownBy(() -> SessionCalendar.plan(schedule, null, calendar));
            assertThatNullPointerException().isThrownBy(() -> SessionCalendar.plan(schedule, MAPO_ROOM, null));
            assertThatNullPointerException().isThrownBy(() -> DaysOffCalendar.of(null, List.of()));
            assertThatNullPointerException().isThrownBy(() -> DaysOffCalendar.of(HOLIDAYS, null));
        }

        @Test
        void blank_branch_is_rejected() {
            assertThatThrownBy(() -> plan(schedule, Place.room(" ", "mapo-101")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void returned_lists_are_immutable() {
            SessionPlan plan = plan(schedule);
            assertThatThrownBy(() -> plan.sessionDates().add(d(2026, 4, 13)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> plan.skipped().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
