package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.baeum.base.i18n.BaeumI18NProvider;
import org.baeum.base.i18n.Formats;
import org.baeum.enrollment.StatutoryRefund.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** 평생교육법 시행령 별표 3 at every boundary (see docs/decisions/0026-statutory-refund.md). */
class StatutoryRefundTest {

    private static final LocalTime TEN = LocalTime.of(10, 0);
    private static final LocalTime NOON = LocalTime.of(12, 0);

    /** 2027-03-02 (Tue) and weekly after it, 10:00–12:00 in Seoul. */
    private static List<LocalDate> weekly(int count) {
        return IntStream.range(0, count).mapToObj(i -> LocalDate.of(2027, 3, 2).plusWeeks(i)).toList();
    }

    private static final List<Session> FOUR_WEEKS = StatutoryRefund.sessions(weekly(4), TEN, NOON); // 8 h in March
    private static final List<Session> TEN_WEEKS = StatutoryRefund.sessions(weekly(10), TEN, NOON);

    private static Instant seoul(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2027, month, day, hour, minute).atZone(Formats.SEOUL).toInstant();
    }

    private static Refund quits(long paid, RefundBasis basis, List<Session> sessions, Instant at) {
        return StatutoryRefund.of(paid, basis, sessions, RefundReason.learner(at));
    }

    private static Refund period(long paid, List<Session> sessions, Instant at) {
        return quits(paid, RefundBasis.PERIOD, sessions, at);
    }

    @Nested
    class A_fee_for_a_month_or_less { // 별표 3 제2호 가; four sessions of 2 h: a third is 2 h 40 min, half is 4 h

        private final Instant start = FOUR_WEEKS.getFirst().start();
        private final Instant third = FOUR_WEEKS.get(1).start().plus(Duration.ofMinutes(40));
        private final Instant half = FOUR_WEEKS.get(1).end();

        @Test
        void before_the_start_everything_even_one_millisecond_before() {
            Refund r = period(100_000, FOUR_WEEKS, start.minusMillis(1));
            assertThat(r.amount()).isEqualTo(100_000);
            assertThat(r.step()).isEqualTo(RefundStep.BEFORE_START_ALL);
        }

        @Test
        void at_the_start_the_class_has_started_two_thirds_rounded_down_to_ten_won() {
            Refund r = period(100_000, FOUR_WEEKS, start);
            assertThat(r.amount()).isEqualTo(66_660); // 66,666.6… → 66,660 (the Ministry's example)
            assertThat(r.step()).isEqualTo(RefundStep.BEFORE_THIRD_TWO_THIRDS);
            assertThat(r.count()).isZero();
            assertThat(r.outOf()).isZero();
        }

        @Test
        void a_third_of_the_class_time_is_measured_in_class_time_held() {
            assertThat(period(100_000, FOUR_WEEKS, third.minusMillis(1)).step())
                    .isEqualTo(RefundStep.BEFORE_THIRD_TWO_THIRDS);
            Refund atThird = period(100_000, FOUR_WEEKS, third);
            assertThat(atThird.amount()).isEqualTo(50_000);
            assertThat(atThird.step()).isEqualTo(RefundStep.BEFORE_HALF_HALF);
            // between sessions no class time passes: a week after the first session is still 2 h of 8 h
            assertThat(period(100_000, FOUR_WEEKS, FOUR_WEEKS.get(1).start().minusMillis(1)).amount())
                    .isEqualTo(66_660);
        }

        @Test
        void half_of_the_class_time() {
            Refund before = period(100_000, FOUR_WEEKS, half.minusMillis(1));
            assertThat(before.amount()).isEqualTo(50_000);
            assertThat(before.step()).isEqualTo(RefundStep.BEFORE_HALF_HALF);
            Refund atHalf = period(100_000, FOUR_WEEKS, half);
            assertThat(atHalf.amount()).isZero();
            assertThat(atHalf.step()).isEqualTo(RefundStep.AFTER_HALF_NONE);
            assertThat(atHalf.dueBy()).isNull();
            assertThat(period(100_000, FOUR_WEEKS, FOUR_WEEKS.get(2).start().plusSeconds(3600)).amount()).isZero();
            assertThat(period(100_000, FOUR_WEEKS, seoul(12, 1, 0, 0)).step()).isEqualTo(RefundStep.AFTER_HALF_NONE);
        }

        @Test
        void a_month_from_the_fifteenth_to_the_fourteenth_is_one_month_not_two() {
            List<Session> midMonth = StatutoryRefund.sessions(
                    Stream.iterate(LocalDate.of(2027, 3, 15), d -> d.plusWeeks(1)).limit(5).toList(), TEN, NOON);
            assertThat(midMonth.getLast().start()).isEqualTo(seoul(4, 12, 10, 0));
            Refund r = period(30_000, midMonth, seoul(3, 15, 10, 30));
            assertThat(r.step()).isEqualTo(RefundStep.BEFORE_THIRD_TWO_THIRDS);
            assertThat(r.amount()).isEqualTo(20_000);
        }
    }

    @Nested
    class A_fee_for_more_than_a_month { // 별표 3 제2호 나: sessions on the 3rd and 17th, March to August: 6 × 100,000

        private final List<Session> sixMonths = StatutoryRefund.sessions(IntStream.range(0, 6).boxed()
                .flatMap(m -> Stream.of(LocalDate.of(2027, 3, 3).plusMonths(m), LocalDate.of(2027, 3, 17).plusMonths(m)))
                .toList(), TEN, NOON);

        private Refund at(Instant at) {
            return period(600_000, sixMonths, at);
        }

        @Test
        void before_the_start_everything() {
            assertThat(at(seoul(3, 3, 9, 59)).amount()).isEqualTo(600_000);
            assertThat(at(seoul(3, 3, 9, 59)).step()).isEqualTo(RefundStep.BEFORE_START_ALL);
        }

        @Test
        void in_month_one_two_thirds_of_it_and_the_five_later_months_whole() {
            Refund r = at(seoul(3, 3, 11, 0)); // 1 h of March's 4 h
            assertThat(r.amount()).isEqualTo(566_660); // 66,666.6… + 500,000, rounded once
            assertThat(r.step()).isEqualTo(RefundStep.MONTHLY_BEFORE_THIRD_TWO_THIRDS);
            assertThat(r.count()).isEqualTo(1);
            assertThat(r.outOf()).isEqualTo(6);
        }

        @Test
        void in_month_three_its_part_and_the_three_later_months() {
            assertThat(at(seoul(5, 3, 11, 30))).extracting(Refund::amount, Refund::step, Refund::count)
                    .containsExactly(350_000L, RefundStep.MONTHLY_BEFORE_HALF_HALF, 3); // 1.5 h of 4 h
            assertThat(at(seoul(5, 10, 9, 0))).extracting(Refund::amount, Refund::step, Refund::count)
                    .containsExactly(300_000L, RefundStep.MONTHLY_AFTER_HALF_NONE, 3); // 2 h of 4 h
        }

        @Test
        void in_the_last_month_its_part_only() {
            assertThat(at(seoul(8, 3, 10, 30))).extracting(Refund::amount, Refund::step, Refund::count)
                    .containsExactly(66_660L, RefundStep.MONTHLY_BEFORE_THIRD_TWO_THIRDS, 6);
            Refund over = at(seoul(8, 20, 9, 0));
            assertThat(over.amount()).isZero();
            assertThat(over.step()).isEqualTo(RefundStep.MONTHLY_AFTER_HALF_NONE);
            assertThat(at(seoul(11, 1, 0, 0)).amount()).isZero();
        }

        @Test
        void months_run_from_the_first_class_day_and_a_month_not_started_comes_back_whole() {
            Refund lastDayOfMonthOne = at(seoul(4, 2, 23, 0)); // March 3 – April 2 is month 1
            assertThat(lastDayOfMonthOne).extracting(Refund::amount, Refund::step, Refund::count)
                    .containsExactly(500_000L, RefundStep.MONTHLY_AFTER_HALF_NONE, 1);
            Refund monthTwo = at(seoul(4, 3, 9, 0)); // month 2, its first class at 10:00
            assertThat(monthTwo).extracting(Refund::amount, Refund::step, Refund::count)
                    .containsExactly(500_000L, RefundStep.MONTHLY_MONTH_NOT_STARTED_ALL, 2);
        }

        @Test
        void a_month_from_the_thirty_first_ends_with_the_shorter_month() { // 민법 제160조
            LocalDate first = LocalDate.of(2027, 1, 31);
            assertThat(StatutoryRefund.monthOf(first, LocalDate.of(2027, 2, 28))).isEqualTo(1);
            assertThat(StatutoryRefund.monthOf(first, LocalDate.of(2027, 3, 1))).isEqualTo(2);
            assertThat(StatutoryRefund.monthOf(first, LocalDate.of(2027, 3, 31))).isEqualTo(3);
        }

        @Test
        void each_month_is_its_share_of_the_class_time() {
            // ten weekly sessions: month 1 (3/2–4/1) has 5, month 2 (4/2–5/1) 4, month 3 (5/2–) 1
            Refund r = period(100_000, TEN_WEEKS, seoul(4, 7, 9, 0)); // 1 of April's 4 sessions held
            assertThat(r.amount()).isEqualTo(36_660); // 40,000 × 2/3 + 10,000 = 36,666.6…
            assertThat(r.step()).isEqualTo(RefundStep.MONTHLY_BEFORE_THIRD_TWO_THIRDS);
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.outOf()).isEqualTo(3);
        }
    }

    @Nested
    class By_sessions { // 별표 3 비고 5

        @Test
        void the_sessions_not_yet_started_a_started_session_is_held() {
            Refund r = quits(45_000, RefundBasis.SESSIONS, TEN_WEEKS, TEN_WEEKS.get(2).start().plusSeconds(60));
            assertThat(r).extracting(Refund::amount, Refund::step, Refund::count, Refund::outOf)
                    .containsExactly(31_500L, RefundStep.REMAINING_SESSIONS, 7, 10);
            assertThat(quits(45_000, RefundBasis.SESSIONS, TEN_WEEKS, TEN_WEEKS.get(2).start().minusMillis(1))
                    .amount()).isEqualTo(36_000);
            assertThat(quits(45_000, RefundBasis.SESSIONS, TEN_WEEKS, TEN_WEEKS.getFirst().start()).amount())
                    .isEqualTo(40_500);
        }

        @Test
        void before_the_start_everything_after_the_last_start_nothing_and_rounded_down() {
            assertThat(quits(45_000, RefundBasis.SESSIONS, TEN_WEEKS, TEN_WEEKS.getFirst().start().minusMillis(1)))
                    .extracting(Refund::amount, Refund::step).containsExactly(45_000L, RefundStep.BEFORE_START_ALL);
            Refund last = quits(45_000, RefundBasis.SESSIONS, TEN_WEEKS, TEN_WEEKS.getLast().start());
            assertThat(last).extracting(Refund::amount, Refund::count).containsExactly(0L, 0);
            assertThat(last.dueBy()).isNull();
            // 33,330 × 7/10 = 23,331 → 23,330
            assertThat(quits(33_330, RefundBasis.SESSIONS, TEN_WEEKS, TEN_WEEKS.get(2).start()).amount())
                    .isEqualTo(23_330);
        }
    }

    @Nested
    class When_the_centre_cannot_hold_the_class { // 별표 3 제1호: by class day, whatever the basis

        private Refund closes(long paid, LocalDate from) {
            return StatutoryRefund.of(paid, RefundBasis.SESSIONS, TEN_WEEKS, RefundReason.centre(from));
        }

        @Test
        void a_mid_course_closure_refunds_the_class_days_not_given() {
            Refund r = closes(45_000, LocalDate.of(2027, 4, 1)); // 4/6 … 5/4: 5 of 10 class days
            assertThat(r).extracting(Refund::amount, Refund::step, Refund::count, Refund::outOf)
                    .containsExactly(22_500L, RefundStep.CENTRE_PRO_RATA_DAYS, 5, 10);
            assertThat(r.reasonDay()).isEqualTo(LocalDate.of(2027, 4, 1));
            assertThat(r.dueBy()).isEqualTo(LocalDate.of(2027, 4, 6));
            // closed from a class day: that day is not given either; 33,330 × 6/10 = 19,998 → 19,990
            assertThat(closes(33_330, LocalDate.of(2027, 3, 30)).amount()).isEqualTo(19_990);
        }

        @Test
        void before_the_start_everything_after_the_end_nothing() {
            assertThat(closes(45_005, LocalDate.of(2027, 3, 2)).amount()).isEqualTo(45_005);
            assertThat(closes(45_000, LocalDate.of(2027, 5, 5)).amount()).isZero();
            assertThat(StatutoryRefund.of(45_000, RefundBasis.PERIOD, TEN_WEEKS,
                    RefundReason.centre(LocalDate.of(2027, 4, 1))).amount()).isEqualTo(22_500);
        }
    }

    @Test
    void everything_paid_is_not_rounded_a_share_is_rounded_down() {
        assertThat(period(45_005, FOUR_WEEKS, seoul(3, 1, 12, 0)).amount()).isEqualTo(45_005);
        assertThat(period(45_005, FOUR_WEEKS, seoul(3, 2, 10, 0)).amount()).isEqualTo(30_000); // 30,003.3…
        assertThat(period(99_999, FOUR_WEEKS, seoul(3, 9, 11, 0)).amount()).isEqualTo(49_990); // 49,999.5
    }

    @Test
    void a_free_class_owes_nothing_and_has_no_due_date() {
        for (RefundReason reason : List.of(RefundReason.learner(seoul(3, 1, 0, 0)),
                RefundReason.centre(LocalDate.of(2027, 3, 20)))) {
            Refund r = StatutoryRefund.of(0, RefundBasis.PERIOD, TEN_WEEKS, reason);
            assertThat(r).extracting(Refund::amount, Refund::step, Refund::dueBy)
                    .containsExactly(0L, RefundStep.FREE_NONE, null);
            assertThat(r.owed()).isFalse();
        }
    }

    @Test
    void due_five_days_after_the_day_of_the_reason_in_seoul() {
        Instant earlyMorning = seoul(3, 3, 8, 0); // still 2 March in UTC
        Refund r = period(100_000, FOUR_WEEKS, earlyMorning);
        assertThat(r.reasonDay()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(r.dueBy()).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(r.owed()).isTrue();
    }

    @Test
    void never_negative_never_more_than_paid_never_rising_over_time() {
        List<Session> sixMonths = StatutoryRefund.sessions(
                Stream.iterate(LocalDate.of(2027, 3, 2), d -> d.plusDays(3)).limit(60).toList(), TEN, NOON);
        for (RefundBasis basis : RefundBasis.values()) {
            long previous = Long.MAX_VALUE;
            for (Instant t = seoul(3, 1, 0, 0); t.isBefore(seoul(10, 1, 0, 0)); t = t.plus(Duration.ofMinutes(37))) {
                long amount = quits(123_457, basis, sixMonths, t).amount();
                assertThat(amount).as(basis + " at " + t).isBetween(0L, 123_457L).isLessThanOrEqualTo(previous);
                assertThat(amount == 123_457 || amount % 10 == 0).as(basis + " at " + t).isTrue();
                previous = amount;
            }
            assertThat(previous).isZero();
        }
    }

    @Test
    void impossible_input_is_refused() {
        assertThatThrownBy(() -> period(-10, FOUR_WEEKS, seoul(3, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session(seoul(3, 2, 12, 0), seoul(3, 2, 10, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        List<Session> overlapping = List.of(new Session(seoul(3, 2, 10, 0), seoul(3, 2, 12, 0)),
                new Session(seoul(3, 2, 11, 0), seoul(3, 2, 13, 0)));
        assertThatThrownBy(() -> period(1_000, overlapping, seoul(3, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Refund(20, RefundStep.BEFORE_HALF_HALF, LocalDate.of(2027, 3, 7),
                LocalDate.of(2027, 3, 2), 10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_step_and_basis_says_what_it_is_in_both_languages() {
        BaeumI18NProvider texts = new BaeumI18NProvider();
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            for (RefundStep step : RefundStep.values()) {
                String text = texts.getTranslation(step.messageKey(), locale, 3, 6);
                assertThat(text).as(step + " " + locale).doesNotStartWith("!").doesNotContain("{");
                if (step.monthly()) {
                    assertThat(text).contains("3").contains("6");
                }
            }
            for (RefundBasis basis : RefundBasis.values()) {
                assertThat(texts.getTranslation(basis.messageKey(), locale)).doesNotStartWith("!");
            }
        }
        Refund r = period(600_000, StatutoryRefund.sessions(List.of(LocalDate.of(2027, 3, 3),
                LocalDate.of(2027, 5, 3)), TEN, NOON), seoul(5, 3, 10, 30));
        assertThat(texts.getTranslation(r.step().messageKey(), Locale.KOREAN, r.messageArguments()))
                .startsWith("3개월 과정의 3번째 달 수업 시간의 1/3 경과 전");
    }
}
