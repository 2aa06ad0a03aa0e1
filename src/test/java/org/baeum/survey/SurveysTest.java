package org.baeum.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.survey.internal.InvitationRepository;
import org.baeum.survey.internal.SurveyDefinitionRepository;
import org.baeum.survey.internal.SurveyDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Defining surveys: STAFF only, every field checked with nothing stored on a problem, the invitations going out at
 * the end of the class and not before; and each household sees only its own invitations.
 */
@BaeumIntegrationTest
class SurveysTest {

    @Autowired
    SurveyFixture fixture;
    @Autowired
    AttendanceClasses classes;
    @Autowired
    Surveys surveys;
    @Autowired
    SurveyAnswers answers;
    @Autowired
    SurveyDispatcher dispatcher;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase db;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void only_staff_define_and_list_surveys_and_only_citizens_ask_for_theirs() {
        SurveyFixture.Sent sent = fixture.sent("svrole", 1);
        SurveyDraft draft = fixture.draft(List.of(sent.offering()));
        assertThatThrownBy(() -> surveys.define(draft)).isExactlyInstanceOf(AuthenticationCredentialsNotFoundException.class);
        TestAccounts.signIn(sent.citizens().getFirst());
        assertThatThrownBy(() -> surveys.define(draft)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> surveys.all()).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(sent.teacher());
        assertThatThrownBy(() -> surveys.define(draft)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> surveys.survey(sent.survey().id())).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(sent.staff());
        assertThatThrownBy(() -> answers.mine(Locale.KOREAN)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(surveys.all()).extracting(Survey::id).contains(sent.survey().id());
    }

    @Test
    void a_household_sees_only_its_own_invitations() {
        SurveyFixture.Sent sent = fixture.sent("svmine", 2);
        TestAccounts.signIn(sent.citizens().get(0));
        List<OpenInvitation> first = answers.mine(Locale.KOREAN);
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().token()).isEqualTo(sent.token(0));
        assertThat(first.getFirst().answered()).isFalse();
        assertThat(first.getFirst().offeringId()).isEqualTo(sent.offering());
        TestAccounts.signIn(sent.citizens().get(1));
        assertThat(answers.mine(Locale.KOREAN)).extracting(OpenInvitation::token).containsExactly(sent.token(1));
        answers.answer(sent.token(1), SurveyFixture.answers(4, ""));
        assertThat(answers.mine(Locale.KOREAN)).extracting(OpenInvitation::answered).containsExactly(true);
        clock.advance(Duration.ofDays(8));
        assertThat(answers.mine(Locale.KOREAN)).as("closed surveys are not open invitations").isEmpty();
    }

    @Test
    void a_wrong_field_is_named_and_nothing_is_stored() {
        SurveyFixture.Sent sent = fixture.sent("svbad", 1);
        long before = db.getCollection(SurveyDefinitionRepository.COLLECTION).countDocuments();
        List<Question> questions = new ArrayList<>(DefaultQuestionnaire.questions(false, false));
        questions.set(0, new Question("overall", QuestionType.SCALE, 6, true, true, "전반", "Overall",
                List.of("1", "2", "3", "4", "5", "6"), List.of()));
        questions.set(1, new Question("overall", QuestionType.SCALE, 4, true, true, "강사", "", List.of("a", "b"),
                List.of()));
        SurveyDraft bad = new SurveyDraft(" ", "", questions, List.of(new OfferingId("no-such-offering")), null,
                SurveyTiming.END_OF_CLASS, clock.instant(), clock.instant().minusSeconds(60));
        TestAccounts.signIn(sent.staff());
        assertThatThrownBy(() -> surveys.define(bad)).isExactlyInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field() + ":" + p.messageKey()).containsExactlyInAnyOrder(
                                "titleKo:survey.error.required", "questions[0].scale:survey.error.scale",
                                "questions[1].id:survey.error.duplicateId", "questions[1].labelsKo:survey.error.labels",
                                "closesAt:survey.error.closesInPast", "target:survey.error.unknownOffering"));
        assertThat(db.getCollection(SurveyDefinitionRepository.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void invitations_go_out_after_the_last_session_not_before() {
        var cast = classes.cast("svend", "종료", 2, LocalDate.of(1980, 2, 2));
        var taught = classes.taught(cast.teacher(), cast.citizens());
        Offering o = catalog.offering(taught.id()).orElseThrow();
        Instant end = LocalDateTime.of(o.sessionDates().getLast(), o.schedule().endTime())
                .atZone(ZoneId.of("Asia/Seoul")).toInstant();
        TestAccounts.signIn(cast.staff());
        Survey s = surveys.define(new SurveyDraft("종강 조사", null, DefaultQuestionnaire.questions(false, true),
                List.of(taught.id()), null, SurveyTiming.END_OF_CLASS, clock.instant(), end.plus(Duration.ofDays(14))));
        TestAccounts.signOut();
        dispatcher.runDue();
        assertThat(invitations(s)).as("before the class ends").isZero();
        clock.advance(Duration.between(clock.instant(), end).plusMinutes(1));
        dispatcher.runDue();
        assertThat(invitations(s)).isEqualTo(2);
    }

    @Test
    void a_mid_course_survey_goes_out_after_the_middle_session_day_not_before() {
        var cast = classes.cast("svmid", "연간", 2, LocalDate.of(1981, 3, 3));
        var taught = classes.taught(cast.teacher(), cast.citizens());
        Offering o = catalog.offering(taught.id()).orElseThrow();
        List<LocalDate> days = o.sessionDates();
        assertThat(days).as("a class with several session days").hasSizeGreaterThan(2);
        LocalDate middle = days.get((days.size() - 1) / 2);
        Instant middleEnd = LocalDateTime.of(middle, o.schedule().endTime()).atZone(ZoneId.of("Asia/Seoul")).toInstant();
        Instant lastEnd = LocalDateTime.of(days.getLast(), o.schedule().endTime()).atZone(ZoneId.of("Asia/Seoul")).toInstant();
        assertThat(middleEnd).isBefore(lastEnd);
        TestAccounts.signIn(cast.staff());
        Survey s = surveys.define(new SurveyDraft("중간 조사", null, DefaultQuestionnaire.questions(false, true),
                List.of(taught.id()), null, SurveyTiming.MID_COURSE, clock.instant(), lastEnd.plus(Duration.ofDays(14))));
        TestAccounts.signOut();
        clock.advance(Duration.between(clock.instant(), middleEnd).minusMinutes(1));
        dispatcher.runDue();
        assertThat(invitations(s)).as("a minute before the middle session ends").isZero();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.runDue();
        assertThat(invitations(s)).as("after the middle session, long before the last").isEqualTo(2);
    }

    private long invitations(Survey s) {
        return db.getCollection(InvitationRepository.COLLECTION).countDocuments(Filters.eq("surveyId", s.id().value()));
    }
}
