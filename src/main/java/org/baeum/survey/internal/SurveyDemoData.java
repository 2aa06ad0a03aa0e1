package org.baeum.survey.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermId;
import org.baeum.enrollment.InstructorRosters;
import org.baeum.enrollment.RosterEntry;
import org.baeum.survey.DefaultQuestionnaire;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.Questionnaire;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyId;
import org.baeum.survey.SurveyTiming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's surveys (issue 19, "Demo data"):
 * <ul>
 *   <li>{@code demo-survey-last-fall}: last year's autumn 3-month term, closed at the term's end plus two weeks; every
 *   learner invited and about four in five answered (classes of five or more learners), from a fixed seed, most of
 *   them satisfied, so its results show at once;</li>
 *   <li>{@code demo-survey-open}: the demo instructor's two finished short classes (스마트폰 사진 정리, 키오스크 주문
 *   연습), open now for two weeks, invitations sent: the demo citizen 김시민 finds it in 나의 배움.</li>
 * </ul>
 * Idempotent: a survey that exists is left as it is; invitations and answers are keyed.
 */
@Component
class SurveyDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(SurveyDemoData.class);
    static final SurveyId LAST_FALL = new SurveyId("demo-survey-last-fall");
    static final SurveyId OPEN = new SurveyId("demo-survey-open");
    static final Set<String> OPEN_PROGRAMS = Set.of("demo-phone-photos", "demo-kiosk-practice");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final long SEED = 2026_1207L;

    private final SurveyDefinitionRepository definitions;
    private final InvitationRepository invitations;
    private final AnswerRepository answers;
    private final SurveySecrets secrets;
    private final SurveyPlanner planner;
    private final SurveyDispatcher dispatcher;
    private final CatalogService catalog;
    private final InstructorRosters rosters;
    private final HouseholdService households;
    private final Clock clock;

    SurveyDemoData(SurveyDefinitionRepository definitions, InvitationRepository invitations, AnswerRepository answers,
                   SurveySecrets secrets, SurveyPlanner planner, SurveyDispatcher dispatcher, CatalogService catalog,
                   InstructorRosters rosters, HouseholdService households, Clock clock) {
        this.households = households;
        this.definitions = definitions;
        this.invitations = invitations;
        this.answers = answers;
        this.secrets = secrets;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.catalog = catalog;
        this.rosters = rosters;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 95; // after the classes, their learners and last year's history
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            lastFall();
            open();
        });
    }

    private void lastFall() {
        if (definitions.find(LAST_FALL).isPresent()) {
            return;
        }
        int year = LocalDate.now(clock.withZone(SEOUL)).getYear() - 1;
        TermId term = new TermId("demo-h" + year + "-3m-fall");
        var t = catalog.terms().stream().filter(x -> x.id().equals(term)).findFirst().orElse(null);
        if (t == null) {
            log.info("No demo survey of last autumn: the term {} is not there", term.value());
            return;
        }
        List<OfferingId> offerings = planner.offeringsOfTerm(term);
        Instant closes = t.endDate().plusDays(14).atStartOfDay(SEOUL).toInstant();
        Survey survey = new Survey(LAST_FALL, year + "년 가을 강좌 만족도 조사", "Autumn " + year + " satisfaction survey",
                new Questionnaire(DefaultQuestionnaire.questions(true, true)), offerings, term, SurveyTiming.END_OF_CLASS,
                t.startDate().atStartOfDay(SEOUL).toInstant(), closes, "demo-staff", closes.minus(Duration.ofDays(120)));
        Random random = new Random(SEED);
        java.security.SecureRandom ids = new java.security.SecureRandom();
        int answered = 0;
        for (OfferingId id : offerings) {
            List<RosterEntry> roster = rosters.staffRoster(id);
            Map<ParticipantId, Participant> people = households.participants(roster.stream()
                    .map(RosterEntry::participant).toList());
            // classes of five or more: four in five answer, never fewer than five (results show groups of 5+)
            int answering = roster.size() < 5 ? 0 : Math.max(5, roster.size() * 4 / 5);
            for (RosterEntry entry : roster) {
                Participant p = people.get(entry.participant());
                if (p == null) {
                    continue;
                }
                String household = p.household().value();
                var invitation = invitations.insertOnce(new InvitationRepository.StoredInvitation(
                        SurveySecrets.newInvitationId(ids), LAST_FALL.value(), id.value(),
                        entry.participant().value(), household, false));
                if (answering-- > 0) {
                    answers.save(new AnswerRepository.StoredAnswer(secrets.answerId(secrets.token(invitation.id())),
                            LAST_FALL.value(), id.value(), values(survey.questionnaire(), random)));
                    invitations.markAnswered(invitation.id());
                    answered++;
                }
            }
        }
        definitions.insert(survey); // last: a start that stops half-way does it all again with the same keys
        log.info("Demo survey {} of {} classes with {} answers", LAST_FALL.value(), offerings.size(), answered);
    }

    private void open() {
        if (definitions.find(OPEN).isPresent()) {
            return;
        }
        List<OfferingId> offerings = new ArrayList<>();
        for (var term : catalog.terms()) {
            if (term.id().value().startsWith("demo-h")) {
                continue;
            }
            for (Offering o : catalog.searchForStaff(new CatalogQuery(null, null, null, null, null, null, term.id(),
                    null, null, null, false, null, 0, CatalogQuery.MAX_SIZE)).items()) {
                if (OPEN_PROGRAMS.contains(o.program().id().value())) {
                    offerings.add(o.id());
                }
            }
        }
        if (offerings.isEmpty()) {
            log.info("No open demo survey: the demo instructor's finished classes are not there");
            return;
        }
        Instant now = clock.instant();
        Survey survey = new Survey(OPEN, "특강 만족도 조사", "Short course satisfaction survey",
                new Questionnaire(DefaultQuestionnaire.questions(true, true)), offerings, null, SurveyTiming.FIXED,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(14)), "demo-staff", now);
        definitions.insert(survey);
        planner.schedule(survey);
        for (OfferingId id : offerings) {
            dispatcher.send(OPEN.value(), id.value()); // at once, so the banner is there on the first start
        }
        log.info("Demo survey {} open for {} classes", OPEN.value(), offerings.size());
    }

    /** Mostly satisfied (as the centre's 96.6 %), some free text. */
    private static Map<String, Object> values(Questionnaire q, Random random) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Question question : q.questions()) {
            if (question.type() == QuestionType.TEXT) {
                if (random.nextInt(3) == 0) {
                    v.put(question.id(), COMMENTS.get(random.nextInt(COMMENTS.size())));
                }
            } else if (question.rated()) {
                int r = random.nextInt(30);
                v.put(question.id(), r < 17 ? 5 : r < 28 ? 4 : r < 29 ? 3 : 2);
            } else if (random.nextInt(4) != 0) {
                v.put(question.id(), 1 + random.nextInt(question.scale()));
            }
        }
        return v;
    }

    private static final List<String> COMMENTS = List.of("강사님이 친절하게 알려 주셔서 좋았습니다.",
            "수업 시간이 조금 더 길었으면 좋겠어요.", "강의실이 조금 추웠습니다.", "다음 기수에도 꼭 듣고 싶어요.",
            "실습 자료를 미리 받을 수 있으면 좋겠습니다.", "주차가 불편했어요.");
}
