package org.baeum.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.OfferingId;
import org.baeum.survey.internal.InvitationRepository;
import org.baeum.survey.internal.SurveyDispatcher;
import org.baeum.survey.internal.SurveySecrets;
import org.springframework.stereotype.Component;

/**
 * The survey tests' set-up: a class with enrolled citizens (attendance's {@link AttendanceClasses}), a survey on it
 * defined by STAFF that goes out now and closes in a week, its invitations sent, and each citizen's link token.
 */
@Component
public class SurveyFixture {

    private final AttendanceClasses classes;
    private final Surveys surveys;
    private final SurveyDispatcher dispatcher;
    private final InvitationRepository invitations;
    private final SurveySecrets secrets;
    private final MutableClock clock;

    SurveyFixture(AttendanceClasses classes, Surveys surveys, SurveyDispatcher dispatcher,
                  InvitationRepository invitations, SurveySecrets secrets, MutableClock clock) {
        this.classes = classes;
        this.surveys = surveys;
        this.dispatcher = dispatcher;
        this.invitations = invitations;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * A sent survey.
     *
     * @param tokens each citizen's link token, by account id, in the order of {@code citizens}
     */
    public record Sent(Survey survey, OfferingId offering, BaeumUser staff, BaeumUser teacher, List<BaeumUser> citizens,
                       Map<String, String> tokens) {
        public String token(int citizen) {
            return tokens.get(citizens.get(citizen).accountId());
        }
    }

    /** A class of {@code count} enrolled citizens and a survey on it, invitations sent. */
    public Sent sent(String prefix, int count) {
        var cast = classes.cast(prefix, "설문", count, LocalDate.of(1970, 1, 1));
        var taught = classes.taught(cast.teacher(), cast.citizens());
        TestAccounts.signIn(cast.staff());
        Survey survey;
        try {
            survey = surveys.define(draft(List.of(taught.id())));
        } finally {
            TestAccounts.signOut();
        }
        dispatcher.runDue();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (BaeumUser c : cast.citizens()) {
            invitations.ofHousehold(c.accountId()).stream().filter(i -> i.surveyId().equals(survey.id().value()))
                    .findFirst().ifPresent(i -> tokens.put(c.accountId(), secrets.token(i.id())));
        }
        return new Sent(survey, taught.id(), cast.staff(), cast.teacher(), cast.citizens(), tokens);
    }

    /** The default questionnaire with the age band, sent now to these offerings, closing in a week. */
    public SurveyDraft draft(List<OfferingId> offerings) {
        return new SurveyDraft("시험 만족도 조사", "Test survey", DefaultQuestionnaire.questions(true, false), offerings,
                null, SurveyTiming.FIXED, clock.instant(), clock.instant().plus(Duration.ofDays(7)));
    }

    /** Every required question answered with {@code point}, and a comment. */
    public static Map<String, Object> answers(int point, String comment) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (String id : List.of("overall", "instructor", "content", "room", "running", "recommend")) {
            a.put(id, point);
        }
        a.put("comment", comment);
        return a;
    }
}
