package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baeum.enrollment.internal.RuleFixtures.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Offering;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Publication;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.enrollment.CapRule;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule a request for a seat is checked against, at its boundaries, without Spring or a database. */
class EligibilityCheckTest {

    static final Instant OPENS = at("2027-02-01T10:00");
    static final Instant CLOSES = at("2027-02-10T18:00");

    static Offering firstCome() {
        return RuleFixtures.offering(new Recruitment(OPENS, CLOSES, RecruitmentMethod.FIRST_COME));
    }

    /** A draw from 02-01 10:00 to 02-05 18:00, a gap, then first come for the seats left from 02-08 10:00 to 02-10 18:00. */
    static Offering drawThenFirstCome() {
        return RuleFixtures.offering(new Recruitment(List.of(
                new RecruitmentPhase(OPENS, at("2027-02-05T18:00"), RecruitmentMethod.LOTTERY),
                new RecruitmentPhase(at("2027-02-08T10:00"), CLOSES, RecruitmentMethod.FIRST_COME))));
    }

    static Reason refusal(Runnable check) {
        try {
            check.run();
        } catch (EnrollmentRefusedException e) {
            return e.reason();
        }
        return null;
    }

    @Nested
    class The_window {

        @Test
        void opens_at_its_first_instant_and_closes_at_its_last() {
            Offering o = firstCome();
            assertThat(refusal(() -> EligibilityCheck.window(o, OPENS.minusMillis(1)))).isEqualTo(Reason.NOT_OPEN);
            assertThat(refusal(() -> EligibilityCheck.window(o, OPENS))).isNull();
            assertThat(refusal(() -> EligibilityCheck.window(o, CLOSES.minusMillis(1)))).isNull();
            assertThat(refusal(() -> EligibilityCheck.window(o, CLOSES))).isEqualTo(Reason.CLOSED);
        }

        @Test
        void not_open_names_when_it_opens() {
            assertThatThrownBy(() -> EligibilityCheck.window(firstCome(), OPENS.minusSeconds(60)))
                    .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                            e -> assertThat(e.arguments()).containsExactly(OPENS));
        }

        @Test
        void an_offering_that_is_not_published_is_closed_even_inside_its_window() {
            Offering draft = RuleFixtures.offering(RuleFixtures.program(Audience.SPORTS, PolicyDomain.ACCESS, 0, false),
                    Publication.DRAFT, new Recruitment(OPENS, CLOSES, RecruitmentMethod.FIRST_COME));
            Offering cancelled = RuleFixtures.offering(RuleFixtures.program(Audience.SPORTS, PolicyDomain.ACCESS, 0, false),
                    Publication.CANCELLED, new Recruitment(OPENS, CLOSES, RecruitmentMethod.FIRST_COME));
            assertThat(refusal(() -> EligibilityCheck.window(draft, OPENS.plusSeconds(1)))).isEqualTo(Reason.CLOSED);
            assertThat(refusal(() -> EligibilityCheck.window(cancelled, OPENS.plusSeconds(1)))).isEqualTo(Reason.CLOSED);
        }

        @Test
        void a_lottery_phase_is_never_first_come() {
            Offering o = drawThenFirstCome();
            assertThat(refusal(() -> EligibilityCheck.window(o, OPENS))).isEqualTo(Reason.LOTTERY_PHASE);
            assertThat(refusal(() -> EligibilityCheck.window(o, at("2027-02-05T17:59")))).isEqualTo(Reason.LOTTERY_PHASE);
            Offering lotteryOnly = RuleFixtures.offering(new Recruitment(OPENS, CLOSES, RecruitmentMethod.LOTTERY));
            assertThat(refusal(() -> EligibilityCheck.window(lotteryOnly, CLOSES.minusMillis(1))))
                    .isEqualTo(Reason.LOTTERY_PHASE);
        }

        @Test
        void in_the_gap_between_phases_the_next_opening_is_named_and_first_come_starts_with_its_phase() {
            Offering o = drawThenFirstCome();
            assertThatThrownBy(() -> EligibilityCheck.window(o, at("2027-02-05T18:00")))
                    .isInstanceOfSatisfying(EnrollmentRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_OPEN);
                        assertThat(e.arguments()).containsExactly(at("2027-02-08T10:00"));
                    });
            assertThat(refusal(() -> EligibilityCheck.window(o, at("2027-02-08T10:00")))).isNull();
        }

        @Test
        void phases_the_next_issues_decide_are_not_first_come_either() {
            Offering o = RuleFixtures.offering(new Recruitment(OPENS, CLOSES, RecruitmentMethod.RE_REGISTRATION));
            assertThat(refusal(() -> EligibilityCheck.window(o, OPENS))).isEqualTo(Reason.CLOSED);
        }
    }

    @Nested
    class The_participant {

        @Test
        void must_fit_the_age_on_the_first_session_day() {
            Offering adults = RuleFixtures.offering(RuleFixtures.program(Audience.ADULT, PolicyDomain.ACCESS, 0, false),
                    Publication.PUBLISHED, new Recruitment(OPENS, CLOSES, RecruitmentMethod.FIRST_COME));
            LocalDate nineteenOnFirstDay = RuleFixtures.FIRST_DAY.minusYears(19);
            assertThat(refusal(() -> EligibilityCheck.check(adults, RuleFixtures.adult(nineteenOnFirstDay), true, OPENS)))
                    .isNull();
            assertThat(refusal(() -> EligibilityCheck.check(adults, RuleFixtures.adult(nineteenOnFirstDay.plusDays(1)),
                    true, OPENS))).isEqualTo(Reason.NOT_ELIGIBLE);
            assertThat(refusal(() -> EligibilityCheck.check(adults, RuleFixtures.adult(null), true, OPENS)))
                    .isEqualTo(Reason.NOT_ELIGIBLE);
        }

        @Test
        void must_have_a_confirmed_address_unless_staff_confirm_them_at_the_desk() {
            Offering o = firstCome();
            assertThat(refusal(() -> EligibilityCheck.check(o, RuleFixtures.adult(LocalDate.of(1970, 1, 1)), false, OPENS)))
                    .isEqualTo(Reason.NOT_VERIFIED);
        }

        @Test
        void the_window_is_checked_before_the_person() {
            assertThat(refusal(() -> EligibilityCheck.check(drawThenFirstCome(), RuleFixtures.adult(null), false, OPENS)))
                    .isEqualTo(Reason.LOTTERY_PHASE);
        }
    }

    @Nested
    class The_caps {

        final Offering swim = RuleFixtures.offering(RuleFixtures.program(Audience.SPORTS, PolicyDomain.ACCESS, 0, false),
                Publication.PUBLISHED, new Recruitment(OPENS, CLOSES, RecruitmentMethod.FIRST_COME));
        final Offering poetry = RuleFixtures.offering(RuleFixtures.program(Audience.ADULT, PolicyDomain.LIFE_TRANSITION, 0, false),
                Publication.PUBLISHED, new Recruitment(OPENS, CLOSES, RecruitmentMethod.FIRST_COME));
        final CapRule twoSports = new CapRule("cap-sports", Audience.SPORTS, null, 2);

        @Test
        void refuse_at_the_cap_and_name_it() {
            assertThatCode(() -> EligibilityCheck.caps(swim, List.of(twoSports), List.of(swim))).doesNotThrowAnyException();
            assertThatThrownBy(() -> EligibilityCheck.caps(swim, List.of(twoSports), List.of(swim, swim)))
                    .isInstanceOfSatisfying(EnrollmentRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CAP_REACHED);
                        assertThat(e.arguments()).containsExactly(2);
                    });
        }

        @Test
        void count_only_entries_of_the_kind_the_rule_is_about() {
            assertThatCode(() -> EligibilityCheck.caps(swim, List.of(twoSports), List.of(poetry, poetry, swim)))
                    .doesNotThrowAnyException();
            assertThatCode(() -> EligibilityCheck.caps(poetry, List.of(twoSports), List.of(swim, swim, swim)))
                    .doesNotThrowAnyException();
            assertThat(EligibilityCheck.anyCapApplies(poetry, List.of(twoSports))).isFalse();
            assertThat(EligibilityCheck.anyCapApplies(swim, List.of(twoSports))).isTrue();
        }
    }
}
