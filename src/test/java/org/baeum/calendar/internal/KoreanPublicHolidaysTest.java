package org.baeum.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baeum.calendar.Holiday;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanPublicHolidaysTest {

    private final KoreanPublicHolidays holidays = KoreanPublicHolidays.bundled();

    @Nested
    class BundledTable {

        @Test
        void covers_exactly_2025_to_2027() {
            assertThat(holidays.coveredYears()).containsExactly(2025, 2026, 2027);
            assertThat(holidays.covers(LocalDate.of(2025, 1, 1))).isTrue();
            assertThat(holidays.covers(LocalDate.of(2027, 12, 31))).isTrue();
            assertThat(holidays.covers(LocalDate.of(2024, 12, 31))).isFalse();
            assertThat(holidays.covers(LocalDate.of(2028, 1, 1))).isFalse();
        }

        @Test
        void csv_has_no_duplicate_dates() throws IOException {
            List<String> dates = rawDataLines().stream().map(l -> l.split(",", -1)[0]).toList();
            assertThat(dates).doesNotHaveDuplicates();
        }

        @Test
        void every_covered_year_has_at_least_15_entries() throws IOException {
            Map<String, Long> perYear = rawDataLines().stream()
                    .collect(Collectors.groupingBy(l -> l.substring(0, 4), Collectors.counting()));
            assertThat(perYear).containsOnlyKeys("2025", "2026", "2027");
            assertThat(perYear.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(15));
            assertThat(holidays.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).hasSizeGreaterThanOrEqualTo(15);
            assertThat(holidays.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))).hasSizeGreaterThanOrEqualTo(15);
        }

        @Test
        void every_year_lists_the_fixed_date_holidays() {
            for (int year : holidays.coveredYears()) {
                List<LocalDate> fixed = new ArrayList<>(List.of(
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 1), LocalDate.of(year, 5, 5),
                        LocalDate.of(year, 6, 6), LocalDate.of(year, 8, 15),
                        LocalDate.of(year, 10, 3), LocalDate.of(year, 10, 9), LocalDate.of(year, 12, 25)));
                if (year >= 2026) {
                    fixed.add(LocalDate.of(year, 7, 17)); // 제헌절 is a public holiday again from 2026-07-17
                }
                assertThat(fixed)
                        .as("fixed-date holidays of %d", year)
                        .allSatisfy(d -> assertThat(holidays.isHoliday(d)).as(d.toString()).isTrue());
            }
        }

        @Test
        void lunar_holidays_come_as_three_consecutive_days() {
            for (String festival : List.of("설날", "추석")) {
                for (int year : holidays.coveredYears()) {
                    Holiday main = holidays.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                            .filter(h -> h.nameKo().equals(festival)).findFirst().orElseThrow();
                    assertThat(holidays.holiday(main.date().minusDays(1))).get()
                            .extracting(Holiday::nameKo).isEqualTo(festival + " 전날");
                    assertThat(holidays.holiday(main.date().plusDays(1))).get()
                            .extracting(Holiday::nameKo).isEqualTo(festival + " 다음날");
                }
            }
        }

        /**
         * Re-derives substitute holidays from 관공서의 공휴일에 관한 규정 제3조 and checks the table agrees:
         * a day of 설날/추석 연휴 on a Sunday, or 3·1절, 어린이날, 부처님오신날, 광복절, 개천절, 한글날, 성탄절 on a
         * Saturday or Sunday, gives the next weekday that is not already a holiday. Overlaps between two holidays
         * on a weekday do not occur in 2026–2027 and are not modelled. 제헌절's substitute status is pending a
         * regulation amendment and is deliberately not asserted.
         */
        @Test
        void substitute_holidays_follow_the_overlap_rules() {
            Set<String> weekendEligible = Set.of("3·1절", "어린이날", "부처님오신날", "광복절", "개천절", "한글날", "성탄절");
            Set<String> sundayEligible = Set.of("설날 전날", "설날", "설날 다음날", "추석 전날", "추석", "추석 다음날");
            List<Holiday> all = holidays.between(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
            Map<LocalDate, Holiday> byDate = all.stream().collect(Collectors.toMap(Holiday::date, Function.identity()));

            List<LocalDate> expected = new ArrayList<>();
            for (String group : List.of("설날", "추석", "single")) {
                for (Holiday h : all) {
                    boolean inGroup = group.equals("single")
                            ? weekendEligible.contains(h.nameKo())
                            : sundayEligible.contains(h.nameKo()) && h.nameKo().startsWith(group);
                    if (!inGroup) {
                        continue;
                    }
                    boolean overlapsWeekend = group.equals("single")
                            ? h.date().getDayOfWeek() == DayOfWeek.SATURDAY || h.date().getDayOfWeek() == DayOfWeek.SUNDAY
                            : h.date().getDayOfWeek() == DayOfWeek.SUNDAY;
                    if (overlapsWeekend) {
                        LocalDate d = h.date().plusDays(1);
                        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                                || (byDate.containsKey(d) && !byDate.get(d).nameKo().startsWith("대체공휴일"))
                                || expected.contains(d)) {
                            d = d.plusDays(1);
                        }
                        expected.add(d);
                    }
                }
            }
            List<LocalDate> actual = all.stream()
                    .filter(h -> h.nameKo().startsWith("대체공휴일"))
                    .map(Holiday::date)
                    .toList();
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }

        private List<String> rawDataLines() throws IOException {
            try (InputStream in = KoreanPublicHolidays.class.getResourceAsStream(KoreanPublicHolidays.BUNDLED_RESOURCE);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.equals("date,nameKo,nameEn"))
                        .toList();
            }
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-01-01, 신정",
            "2026-02-16, 설날 전날",
            "2026-02-17, 설날",
            "2026-02-18, 설날 다음날",
            "2026-03-02, 대체공휴일(3·1절)",
            "2026-05-05, 어린이날",
            "2026-05-24, 부처님오신날",
            "2026-05-25, 대체공휴일(부처님오신날)",
            "2026-06-03, 전국동시지방선거일",
            "2026-07-17, 제헌절",
            "2026-08-17, 대체공휴일(광복절)",
            "2026-09-24, 추석 전날",
            "2026-09-25, 추석",
            "2026-09-26, 추석 다음날",
            "2026-10-05, 대체공휴일(개천절)",
            "2026-10-09, 한글날",
            "2026-12-25, 성탄절",
            "2027-02-07, 설날",
            "2027-02-09, 대체공휴일(설날)",
            "2027-05-13, 부처님오신날",
            "2027-09-15, 추석",
            "2027-10-11, 대체공휴일(한글날)",
            "2027-12-27, 대체공휴일(성탄절)",
    })
    void known_holidays_are_recognised(LocalDate date, String nameKo) {
        assertThat(holidays.isHoliday(date)).isTrue();
        assertThat(holidays.holiday(date)).get().extracting(Holiday::nameKo).isEqualTo(nameKo);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-02", "2026-05-01", "2026-06-04", "2026-09-27", "2026-12-24", "2027-02-10", "2027-05-14"})
    void ordinary_days_are_not_holidays(LocalDate date) {
        assertThat(holidays.isHoliday(date)).isFalse();
        assertThat(holidays.holiday(date)).isEmpty();
    }

    @Test
    void every_holiday_has_korean_and_english_names() {
        assertThat(holidays.holiday(LocalDate.of(2026, 9, 25))).contains(
                new Holiday(LocalDate.of(2026, 9, 25), "추석", "Chuseok"));
    }

    @Test
    void between_is_inclusive_and_sorted() {
        List<Holiday> chuseok = holidays.between(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 9, 26));
        assertThat(chuseok).extracting(Holiday::date).containsExactly(
                LocalDate.of(2026, 9, 24), LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26));

        List<Holiday> october = holidays.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        assertThat(october).extracting(Holiday::date).containsExactly(
                LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 9));
    }

    @Test
    void between_spanning_both_years_works() {
        assertThat(holidays.between(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 5)))
                .extracting(Holiday::nameKo).containsExactly("성탄절", "신정");
    }

    @Test
    void between_rejects_a_reversed_range() {
        assertThatThrownBy(() -> holidays.between(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dates_outside_the_covered_years_do_not_silently_pass() {
        LocalDate uncovered = LocalDate.of(2028, 1, 1);
        assertThat(holidays.covers(uncovered)).isFalse();
        assertThatThrownBy(() -> holidays.isHoliday(uncovered))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2028");
        assertThatThrownBy(() -> holidays.holiday(LocalDate.of(2024, 12, 25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024");
        assertThatThrownBy(() -> holidays.between(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 1, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2028");
    }

    @Test
    void covered_years_cannot_be_modified() {
        assertThatThrownBy(() -> holidays.coveredYears().add(2028))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    class Parsing {

        @Test
        void header_comments_blank_lines_and_bom_are_ignored() {
            KoreanPublicHolidays parsed = parse("""
                    \uFEFF# comment
                    date,nameKo,nameEn

                    2030-01-01, 신정 , New Year's Day
                      # indented comment
                    2030-12-25,성탄절,Christmas Day
                    """);
            assertThat(parsed.coveredYears()).containsExactly(2030);
            assertThat(parsed.holiday(LocalDate.of(2030, 1, 1))).contains(
                    new Holiday(LocalDate.of(2030, 1, 1), "신정", "New Year's Day"));
            assertThat(parsed.between(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31))).hasSize(2);
        }

        @Test
        void duplicate_dates_are_rejected_with_line_number() {
            assertThatThrownBy(() -> parse("""
                    2030-01-01,신정,New Year's Day
                    2030-01-01,설날,Seollal
                    """))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test.csv:2")
                    .hasMessageContaining("duplicate date 2030-01-01");
        }

        @Test
        void wrong_field_count_is_rejected() {
            assertThatThrownBy(() -> parse("2030-01-01,신정\n"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test.csv:1")
                    .hasMessageContaining("expected 3 fields");
        }

        @Test
        void invalid_date_is_rejected() {
            assertThatThrownBy(() -> parse("2030-02-30,없는 날,No such day\n"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("invalid ISO date");
        }

        @Test
        void blank_name_is_rejected() {
            assertThatThrownBy(() -> parse("2030-01-01, ,New Year's Day\n"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("blank Korean name");
        }

        @Test
        void an_empty_table_covers_nothing() {
            KoreanPublicHolidays empty = parse("# nothing yet\n");
            assertThat(empty.coveredYears()).isEmpty();
            assertThat(empty.covers(LocalDate.of(2026, 1, 1))).isFalse();
        }

        private KoreanPublicHolidays parse(String csv) {
            return KoreanPublicHolidays.parse(new StringReader(csv), "test.csv");
        }
    }
}
