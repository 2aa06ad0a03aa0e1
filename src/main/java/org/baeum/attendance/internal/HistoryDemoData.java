package org.baeum.attendance.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.baeum.account.AccountId;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.internal.HistoryPlan.PlannedClass;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Offering;
import org.baeum.catalog.ProgramKind;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's past year (issue 17, "Demo history"): last year's classes of the demo catalog's programs in both
 * branches ({@link HistoryPlan}), with the history households (account's {@code HistoryHouseholdsDemoData}) enrolled
 * at the desk, fees paid, a few cancellations, every session marked by the learners' habits, and completions
 * confirmed, so that every report shows real-looking figures on the first start. The numbers follow the seed report's
 * proportions (most courses are 3-month adult classes, the literacy classes have few learners and many sessions,
 * sports have the most participations), smaller in number. Everything comes from fixed random seeds and goes through
 * the other features' services as the system (STAFF); the marks are this feature's own. Idempotent: classes, entries
 * (enrolment keys), marks and confirmations that exist are found again.
 */
@Component
class HistoryDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(HistoryDemoData.class);
    static final long SEED = 2025_0317L;
    /** At most this many classes of one person in the year. */
    static final int MAX_CLASSES_PER_PERSON = 3;

    private final HistoryPlan plan;
    private final DemoClasses classes;
    private final HouseholdService households;
    private final EnrollmentDesk desk;
    private final CitizenEnrollments enrollments;
    private final AttendanceRepository marks;
    private final Completions completions;
    private final java.time.Clock clock;

    HistoryDemoData(HistoryPlan plan, DemoClasses classes, HouseholdService households, EnrollmentDesk desk,
                    CitizenEnrollments enrollments, AttendanceRepository marks, Completions completions,
                    java.time.Clock clock) {
        this.plan = plan;
        this.classes = classes;
        this.households = households;
        this.desk = desk;
        this.enrollments = enrollments;
        this.marks = marks;
        this.completions = completions;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 70; // after the demo instructor's classes (60)
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            try {
                build();
            } catch (RuntimeException e) {
                // the past year is for the reports; it must never keep the portal from starting
                log.warn("The demo history was not completed", e);
            }
        });
    }

    private void build() {
        List<Participant> people = people();
        if (people.isEmpty()) {
            log.info("Demo history: no history households, nothing to do");
            return;
        }
        Map<ParticipantId, Integer> taken = new HashMap<>();
        int entries = 0;
        int sessions = 0;
        int placed = 0;
        for (PlannedClass planned : plan.classes()) {
            Offering offering = classes.findOrPlace(planned.term(), planned.program(), planned.weekdays(),
                    planned.first(), planned.last(), planned.capacity(), planned.placement()).orElse(null);
            if (offering == null) {
                continue;
            }
            placed++;
            // one seed per class: an interrupted first start, run again, makes the same choices
            Random random = new Random(SEED ^ (planned.term().value() + "|" + planned.program().value()).hashCode());
            List<ParticipantId> chosen = choose(offering, people, taken, random);
            Map<ParticipantId, EnrollmentId> enrolled = classes.enrol(offering, chosen);
            enrolled.keySet().forEach(p -> taken.merge(p, 1, Integer::sum));
            entries += enrolled.size();
            settle(offering);
            if (offering.program().kind() != ProgramKind.GYM_MEMBERSHIP) {
                sessions += mark(offering, random);
                confirm(offering);
            }
        }
        log.info("Demo history: {} classes of last year, {} entries, {} sessions marked", placed, entries, sessions);
    }

    /** Everyone of the history households, in a fixed order. */
    private List<Participant> people() {
        List<Participant> all = new ArrayList<>();
        for (int i = 1; i <= 999; i++) {
            List<Participant> household;
            try {
                household = households.householdOf(new AccountId("demo-hist-%03d".formatted(i)));
            } catch (RuntimeException e) {
                break;
            }
            if (household.isEmpty()) {
                break;
            }
            household.stream().filter(Participant::active).sorted(Comparator.comparing(p -> p.id().value()))
                    .forEach(all::add);
        }
        return all;
    }

    /** Learners of an age the class admits, who have room for another class this year: 40–90 % of the seats. */
    private List<ParticipantId> choose(Offering offering, List<Participant> people, Map<ParticipantId, Integer> taken,
                                       Random random) {
        LocalDate day = offering.ageDay();
        List<Participant> fit = new ArrayList<>(people.stream()
                .filter(p -> offering.program().admitsAge(p.ageOn(day)))
                .filter(p -> taken.getOrDefault(p.id(), 0) < MAX_CLASSES_PER_PERSON).toList());
        java.util.Collections.shuffle(fit, random);
        int seats = Math.min(offering.capacity(), HistoryPlan.MAX_LEARNERS);
        int wanted = Math.max(1, (int) Math.round(seats * (0.4 + random.nextDouble() * 0.5)));
        return fit.stream().limit(wanted).map(Participant::id).toList();
    }

    /** Fees paid at the desk; about one learner in fifteen cancels instead (the same ones on every run). */
    private void settle(Offering offering) {
        for (Enrollment e : desk.desk(offering.id()).enrolled()) {
            boolean cancel = Math.floorMod((e.participant().value() + "|" + offering.program().id().value()).hashCode(),
                    15) == 0;
            try {
                if (cancel) {
                    enrollments.cancel(e.id(), "개인 사정");
                } else if (e.charge().payment() == PaymentState.UNPAID) {
                    desk.recordPayment(e.id(), PaymentState.PAID, null);
                }
            } catch (RuntimeException ex) {
                log.debug("Demo history entry {} not settled: {}", e.id().value(), ex.toString());
            }
        }
    }

    /** Every session of the class marked by each learner's habit; returns the sessions written now. */
    private int mark(Offering offering, Random random) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        Map<EnrollmentId, AttendanceDemoData.Habit> habits = new LinkedHashMap<>();
        for (Enrollment e : desk.desk(offering.id()).enrolled()) {
            if (e.status() == EnrollmentStatus.ENROLLED) {
                int roll = random.nextInt(10);
                habits.put(e.id(), roll < 7 ? AttendanceDemoData.Habit.STEADY
                        : roll < 9 ? AttendanceDemoData.Habit.WAVERING : AttendanceDemoData.Habit.DROPPED_AWAY);
            }
        }
        List<LocalDate> past = offering.sessionDates().stream().filter(d -> d.isBefore(today)).toList();
        int written = 0;
        for (int i = 0; i < past.size(); i++) {
            LocalDate day = past.get(i);
            if (habits.isEmpty() || marks.find(offering.id().value(), day).isPresent()) {
                continue;
            }
            List<AttendanceRepository.Change> changes = new ArrayList<>();
            for (var h : habits.entrySet()) {
                AttendanceStatus status = h.getValue().at(i);
                changes.add(new AttendanceRepository.Change(h.getKey(), status, null));
            }
            LocalTime end = offering.schedule().endTime();
            marks.save(offering.id().value(), day, changes, offering.program().instructors().isEmpty() ? "demo-staff"
                    : offering.program().instructors().getFirst().accountId(), day.atTime(end).atZone(Formats.SEOUL).toInstant());
            written++;
        }
        return written;
    }

    private void confirm(Offering offering) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        if (offering.sessionDates().isEmpty() || !offering.sessionDates().getLast().isBefore(today)) {
            return;
        }
        try {
            if (completions.confirmed(offering.id()).isEmpty()) {
                completions.confirm(offering.id());
            }
        } catch (RuntimeException e) {
            log.debug("Demo history class {} not confirmed: {}", offering.id().value(), e.toString());
        }
    }
}
