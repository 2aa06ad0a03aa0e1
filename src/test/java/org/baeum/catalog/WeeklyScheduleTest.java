package org.baeum.catalog;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final LocalTime TEN = LocalTime.of(10, 0);
    private static final LocalTime NOON = LocalTime.of(12, 0);
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private static WeeklySchedule schedule(Set<DayOfWeek> days) {
        return new WeeklySchedule(days, TEN, NOON, MARCH_2, JUNE_30);
    }

    @Nested
    class Describe {

        @Test
        void tuesday_thursday_class_reads_naturally_in_korean() {
            assertThat(schedule(Set.of(TUESDAY, THURSDAY)).describe(Locale.KOREAN)).isEqualTo("화·목 10:00–12:00");
            assertThat(schedule(Set.of(TUESDAY, THURSDAY)).describe(Locale.KOREA)).isEqualTo("화·목 10:00–12:00");
        }

        @Test
        void tuesday_thursday_class_reads_naturally_in_english() {
            assertThat(schedule(Set.of(TUESDAY, THURSDAY)).describe(Locale.ENGLISH)).isEqualTo("Tue, Thu 10:00–12:00");
        }

        @Test
        void weekdays_are_listed_monday_first_whatever_the_input_order() {
            Set<DayOfWeek> unordered = new LinkedHashSet<>(List.of(FRIDAY, MONDAY, WEDNESDAY));
            WeeklySchedule s = schedule(unordered);
            assertThat(s.describe(Locale.KOREAN)).isEqualTo("월·수·금 10:00–12:00");
            assertThat(s.describe(Locale.US)).isEqualTo("Mon, Wed, Fri 10:00–12:00");
        }

        @Test
        void all_seven_weekday_names_are_short_forms() {
            WeeklySchedule s = schedule(EnumSet.allOf(DayOfWeek.class));
            assertThat(s.describe(Locale.KOREAN)).isEqualTo("월·화·수·목·금·토·일 10:00–12:00");
            assertThat(s.describe(Locale.ENGLISH)).isEqualTo("Mon, Tue, Wed, Thu, Fri, Sat, Sun 10:00–12:00");
        }

        @Test
        void times_use_24_hour_clock_with_leading_zeros() {
            WeeklySchedule evening = new WeeklySchedule(Set.of(SATURDAY), LocalTime.of(6, 5), LocalTime.of(19, 30),
                    MARCH_2, JUNE_30);
            assertThat(evening.describe(Locale.KOREAN)).isEqualTo("토 06:05–19:30");
            assertThat(evening.describe(Locale.ENGLISH)).isEqualTo("Sat 06:05–19:30");
        }

        @Test
        void non_korean_locales_fall_back_to_english() {
            assertThat(schedule(Set.of(SUNDAY)).describe(Locale.JAPANESE)).isEqualTo("Sun 10:00–12:00");
            assertThat(schedule(Set.of(SUNDAY)).describe(Locale.ROOT)).isEqualTo("Sun 10:00–12:00");
        }
    }

    @Nested
    class Validation {

        @Test
        void at_least_one_weekday_is_required() {
            assertThatThrownBy(() -> schedule(Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one weekday");
        }

        @Test
        void null_weekday_is_rejected() {
            Set<DayOfWeek> withNull = new HashSet<>();
            withNull.add(MONDAY);
            withNull.add(null);
            assertThatNullPointerException().isThrownBy(() -> schedule(withNull));
        }

        @Test
        void end_time_must_be_after_start_time() {
            assertThatThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), NOON, TEN, MARCH_2, JUNE_30))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after startTime");
            assertThatThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), TEN, TEN, MARCH_2, JUNE_30))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void last_date_must_not_be_before_first_date() {
            assertThatThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), TEN, NOON, JUNE_30, MARCH_2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before firstDate");
        }

        @Test
        void a_single_day_term_is_allowed() {
            WeeklySchedule oneDay = new WeeklySchedule(Set.of(MONDAY), TEN, NOON, MARCH_2, MARCH_2);
            assertThat(oneDay.candidateDates()).containsExactly(MARCH_2);
        }

        @Test
        void term_may_span_400_days_but_not_401() {
            LocalDate first = LocalDate.of(2026, 1, 1);
            WeeklySchedule longest = new WeeklySchedule(Set.of(MONDAY), TEN, NOON, first, first.plusDays(399));
            assertThat(longest.lastDate()).isEqualTo(LocalDate.of(2027, 2, 4));
            assertThatThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), TEN, NOON, first, first.plusDays(400)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 400 days");
        }

        @Test
        void null_components_are_rejected() {
            assertThatNullPointerException().isThrownBy(() -> new WeeklySchedule(null, TEN, NOON, MARCH_2, JUNE_30));
            assertThatNullPointerException().isThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), null, NOON, MARCH_2, JUNE_30));
            assertThatNullPointerException().isThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), TEN, null, MARCH_2, JUNE_30));
            assertThatNullPointerException().isThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), TEN, NOON, null, JUNE_30));
            assertThatNullPointerException().isThrownBy(() -> new WeeklySchedule(Set.of(MONDAY), TEN, NOON, MARCH_2, null));
        }
    }

    @Test
    void weekday_set_is_an_immutable_copy() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(MONDAY));
        WeeklySchedule s = schedule(days);
        days.add(FRIDAY);
        assertThat(s.weekdays()).containsExactly(MONDAY);
        assertThatThrownBy(() -> s.weekdays().add(TUESDAY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void schedules_with_equal_components_are_equal() {
        assertThat(schedule(new HashSet<>(List.of(TUESDAY, THURSDAY))))
                .isEqualTo(schedule(EnumSet.of(THURSDAY, TUESDAY)));
    }

    @Test
    void is_scheduled_on_checks_weekday_and_term() {
        WeeklySchedule s = schedule(Set.of(MONDAY));
        assertThat(s.isScheduledOn(MARCH_2)).isTrue();
        assertThat(s.isScheduledOn(MARCH_2.plusDays(1))).isFalse();
        assertThat(s.isScheduledOn(MARCH_2.minusWeeks(1))).isFalse();
        assertThat(s.isScheduledOn(LocalDate.of(2026, 7, 6))).isFalse();
    }
}
