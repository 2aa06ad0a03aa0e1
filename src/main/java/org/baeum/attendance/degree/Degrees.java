package org.baeum.attendance.degree;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.account.AccountId;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.completion.HouseholdCompletions;
import org.baeum.attendance.completion.HouseholdCompletion;
import org.baeum.attendance.degree.internal.DegreeAwardRepository;
import org.baeum.attendance.degree.internal.DegreeMail;
import org.baeum.attendance.degree.internal.DegreeOutputRepository;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Honorary citizen degrees (명예시민학위, decision 0036): each participant's progress under the rule version in force,
 * from the hours of their completed programs; STAFF approve outputs and award levels in order, once each, every step
 * written to the access log, the award mailed to the household. A citizen reads only their own household's progress.
 */
@Service
public class Degrees {

    private static final Logger log = LoggerFactory.getLogger(Degrees.class);
    static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    /** The longest description of an approved output. */
    public static final int MAX_DESCRIPTION = 200;

    private final DegreeRules rules;
    private final DegreeAwardRepository awards;
    private final DegreeOutputRepository outputs;
    private final HouseholdCompletions completions;
    private final HouseholdService households;
    private final Attendance attendance;
    private final AccessLog accessLog;
    private final DegreeMail mail;
    private final CurrentUser currentUser;
    private final Clock clock;

    Degrees(DegreeRules rules, DegreeAwardRepository awards, DegreeOutputRepository outputs, HouseholdCompletions completions,
            HouseholdService households, Attendance attendance, AccessLog accessLog, DegreeMail mail,
            CurrentUser currentUser, Clock clock) {
        this.rules = rules;
        this.awards = awards;
        this.outputs = outputs;
        this.completions = completions;
        this.households = households;
        this.attendance = attendance;
        this.accessLog = accessLog;
        this.mail = mail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The progress of each participant of the caller's own household (self first, then dependants). */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<DegreeProgress> mine() {
        return progress(households.myParticipants(), completions.ofMyHousehold());
    }

    /** STAFF at the desk: the progress of each participant of a citizen's household (the opening is logged). */
    @PreAuthorize(STAFF)
    public List<DegreeProgress> progressOf(AccountId household) {
        List<Participant> participants = households.householdOf(household);
        return progress(participants, completions.ofHousehold(household));
    }

    /**
     * Approves a participant's output towards a level whose rule (in force) requires one, with a short description;
     * written to the access log first.
     *
     * @throws InvalidInputException at {@code description} (blank or longer than {@value #MAX_DESCRIPTION}) or
     *                               {@code level} (needs no output, or approved already); nothing is stored
     */
    @PreAuthorize(STAFF)
    public ApprovedOutput approveOutput(ParticipantId participantId, DegreeLevel level, String description) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("description", "validation.required");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw InvalidInputException.of("description", "validation.tooLong", MAX_DESCRIPTION);
        }
        if (level == null || !rules.inForce().of(level).outputRequired()) {
            throw InvalidInputException.of("level", "degree.error.noOutputNeeded");
        }
        Participant p = households.participant(participantId);
        ApprovedOutput approved = new ApprovedOutput(p.id(), level, text, today());
        String by = currentUser.require().accountId();
        if (outputs.ofParticipants(List.of(p.id().value())).stream().anyMatch(o -> o.level() == level)) {
            throw InvalidInputException.of("level", "degree.error.outputApproved");
        }
        accessLog.record(AccessAction.APPROVE_DEGREE_OUTPUT, p.household().value(),
                "degree output " + level + " of participant " + p.id().value());
        if (!outputs.insert(approved, p.household().value(), by, clock.instant())) {
            throw InvalidInputException.of("level", "degree.error.outputApproved");
        }
        log.info("Account {} approved the {} output of participant {} (household {})", by, level, p.id().value(),
                p.household().value());
        return approved;
    }

    /**
     * Awards a level under the rule version in force, when it is the participant's next level, its hours are reached
     * and its output (if required) approved; written to the access log first and mailed to the household.
     *
     * @throws InvalidInputException at {@code level} (awarded already, not the next level, hours not reached, output
     *                               missing); nothing is stored
     */
    @PreAuthorize(STAFF)
    public DegreeAward award(ParticipantId participantId, DegreeLevel level) {
        if (level == null) {
            throw InvalidInputException.of("level", "validation.required");
        }
        Participant p = households.participant(participantId);
        DegreeProgress progress = progress(List.of(p), completions.ofHousehold(p.household())).getFirst();
        if (progress.awards().stream().anyMatch(a -> a.level() == level)) {
            throw InvalidInputException.of("level", "degree.error.alreadyAwarded");
        }
        if (progress.nextLevel() != level) {
            throw InvalidInputException.of("level", "degree.error.notNext");
        }
        if (progress.hoursNeeded() > 0) {
            throw InvalidInputException.of("level", "degree.error.hours", hours(progress.hoursNeeded()));
        }
        if (progress.outputMissing()) {
            throw InvalidInputException.of("level", "degree.error.output");
        }
        DegreeAward award = new DegreeAward(p.id(), level, today(), progress.ruleVersion());
        String by = currentUser.require().accountId();
        accessLog.record(AccessAction.AWARD_DEGREE, p.household().value(),
                "degree " + level + " (rule version " + award.ruleVersion() + ") to participant " + p.id().value());
        if (!awards.insert(award, p.household().value(), by, clock.instant())) {
            throw InvalidInputException.of("level", "degree.error.alreadyAwarded");
        }
        log.info("Account {} awarded {} under rule version {} to participant {} (household {}, {} hours)", by, level,
                award.ruleVersion(), p.id().value(), p.household().value(), hours(progress.hours()));
        mail.awarded(p.household(), p.name(), award);
        return award;
    }

    private List<DegreeProgress> progress(List<Participant> participants, List<HouseholdCompletion> done) {
        DegreeRuleSet rule = rules.inForce();
        Map<String, Double> hours = new HashMap<>();
        Map<String, Integer> counting = new HashMap<>();
        for (HouseholdCompletion c : done) {
            if (rule.minAttendancePercent() > 0) {
                // the sessions that count, as in the completion: a session a closure cancelled is not held
                int held = counting.computeIfAbsent(c.enrollment().offering().value(),
                        id -> attendance.countingSessions(c.enrollment().offering()));
                if (held == 0 || !rule.counts((double) c.sessions() / held)) {
                    continue;
                }
            }
            hours.merge(c.enrollment().participant().value(), c.hours(), Double::sum);
        }
        List<String> ids = participants.stream().map(p -> p.id().value()).toList();
        List<DegreeAward> awarded = awards.ofParticipants(ids);
        List<ApprovedOutput> approved = outputs.ofParticipants(ids);
        return participants.stream().map(p -> DegreeProgress.of(p.id(), p.name(),
                hours.getOrDefault(p.id().value(), 0.0), rule,
                awarded.stream().filter(a -> a.participant().equals(p.id())).toList(),
                approved.stream().filter(o -> o.participant().equals(p.id())).toList())).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    /** Hours as shown: whole hours without a decimal point. */
    public static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.format(java.util.Locale.ROOT, "%.1f",
                hours);
    }
}
