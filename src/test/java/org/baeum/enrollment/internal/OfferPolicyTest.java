package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.enrollment.internal.RuleFixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentMethod;
import org.junit.jupiter.api.Test;

/** The times of enrolment: offer deadlines and reminders, the cancel cut-off, payment deadlines. */
class OfferPolicyTest {

    /** The defaults of {@code baeum.enrollment.*}. */
    static final OfferPolicy POLICY = OfferPolicy.of(new EnrollmentSettings(null, null, null, null, null, null, null,
            null));
    static final Offering CLASS = RuleFixtures.offering(new Recruitment(at("2027-02-01T10:00"), at("2027-02-25T18:00"),
            RecruitmentMethod.FIRST_COME));
    /** The first session: Monday 2027-03-01 10:00 in Seoul. */
    static final Instant FIRST_START = at("2027-03-01T10:00");

    @Test
    void the_first_session_and_every_session_start_in_seoul_time() {
        assertThat(OfferPolicy.firstStart(CLASS)).isEqualTo(FIRST_START);
        assertThat(OfferPolicy.sessionStarts(CLASS)).hasSize(4).first().isEqualTo(FIRST_START);
        assertThat(OfferPolicy.sessionStarts(CLASS).getLast()).isEqualTo(at("2027-03-22T10:00"));
    }

    @Test
    void an_offer_holds_for_the_offerings_hold_or_the_default_24_hours() {
        Instant now = at("2027-02-10T09:00");
        assertThat(POLICY.offerDeadline(now, null, FIRST_START, null)).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(POLICY.offerDeadline(now, Duration.ofHours(6), FIRST_START, null)).isEqualTo(now.plus(Duration.ofHours(6)));
    }

    @Test
    void an_offer_ends_2_hours_before_the_first_session_at_the_latest() {
        Instant now = at("2027-02-28T20:00");
        assertThat(POLICY.offerDeadline(now, null, FIRST_START, null)).isEqualTo(at("2027-03-01T08:00"));
    }

    @Test
    void an_offer_ends_when_the_next_day_off_of_the_class_begins() {
        Instant now = at("2027-02-10T09:00");
        assertThat(POLICY.offerDeadline(now, Duration.ofDays(3), FIRST_START, LocalDate.of(2027, 2, 11)))
                .isEqualTo(at("2027-02-11T00:00"));
        assertThat(POLICY.offerDeadline(now, Duration.ofHours(5), FIRST_START, LocalDate.of(2027, 2, 11)))
                .as("a day off after the hold changes nothing").isEqualTo(now.plus(Duration.ofHours(5)));
    }

    @Test
    void no_offer_is_made_when_less_than_30_minutes_would_be_left() {
        assertThat(POLICY.offerDeadline(at("2027-03-01T07:30"), null, FIRST_START, null)).isNull();
        assertThat(POLICY.offerDeadline(at("2027-03-01T07:29:59"), null, FIRST_START, null))
                .isEqualTo(at("2027-03-01T08:00"));
    }

    @Test
    void an_offer_is_reminded_3_hours_before_it_ends_if_it_runs_long_enough() {
        Instant now = at("2027-02-10T09:00");
        assertThat(POLICY.offerReminder(now, now.plus(Duration.ofHours(24)))).isEqualTo(now.plus(Duration.ofHours(21)));
        assertThat(POLICY.offerReminder(now, now.plus(Duration.ofHours(6)))).as("exactly 6 h: no reminder").isNull();
    }

    @Test
    void citizens_cancel_online_until_a_day_before_the_first_session() {
        assertThat(POLICY.cancelCutoff(CLASS)).isEqualTo(at("2027-02-28T10:00"));
        Offering unplanned = new Offering(CLASS.id(), CLASS.program(), CLASS.termId(), CLASS.roomId(), CLASS.schedule(),
                java.util.List.of(), 20, 0, 0, CLASS.publication(), CLASS.recruitment());
        assertThat(POLICY.cancelCutoff(unplanned)).isEqualTo(at("2027-02-25T18:00"));
    }

    @Test
    void payment_is_due_by_the_deadline_but_never_sooner_than_2_days_after_enrolling() {
        Instant deadline = at("2027-02-20T18:00");
        assertThat(POLICY.payBy(at("2027-02-10T09:00"), deadline)).isEqualTo(deadline);
        assertThat(POLICY.payBy(at("2027-02-19T09:00"), deadline)).isEqualTo(at("2027-02-21T09:00"));
        assertThat(POLICY.payBy(at("2027-02-18T18:00"), deadline)).as("exactly 2 days").isEqualTo(deadline);
    }

    @Test
    void payment_is_reminded_a_day_before_unless_that_has_passed() {
        Instant payBy = at("2027-02-20T18:00");
        assertThat(POLICY.paymentReminder(at("2027-02-10T09:00"), payBy)).isEqualTo(at("2027-02-19T18:00"));
        assertThat(POLICY.paymentReminder(at("2027-02-19T18:00"), payBy)).isNull();
    }
}
