package org.baeum.survey;

import java.util.ArrayList;
import java.util.List;

/**
 * The questionnaire STAFF start from, after Korean lifelong-learning centres' practice (강좌 만족도 조사): overall
 * satisfaction, the instructor, the content, the room and equipment, the running of the course and whether one would
 * recommend it, each on a 5-point scale; free text; and, when asked for, the age band and how the learner heard of
 * the class (choices, not rated, never required).
 */
public final class DefaultQuestionnaire {

    static final List<String> SATISFIED_KO = List.of("매우 불만족", "불만족", "보통", "만족", "매우 만족");
    static final List<String> SATISFIED_EN = List.of("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied",
            "Very satisfied");
    static final List<String> AGREE_KO = List.of("전혀 아니다", "아니다", "보통이다", "그렇다", "매우 그렇다");
    static final List<String> AGREE_EN = List.of("Not at all", "No", "Maybe", "Yes", "Definitely");

    private DefaultQuestionnaire() {
    }

    /** The default questions, with the two optional background questions when asked for. */
    public static List<Question> questions(boolean ageBand, boolean heardOf) {
        List<Question> q = new ArrayList<>();
        q.add(rated("overall", "이 강좌에 전반적으로 만족하십니까?", "Overall, how satisfied are you with this class?"));
        q.add(rated("instructor", "강사의 강의(전문성, 준비, 전달)에 만족하십니까?",
                "How satisfied are you with the instructor (expertise, preparation, teaching)?"));
        q.add(rated("content", "강의 내용(수준, 구성)에 만족하십니까?",
                "How satisfied are you with the content (level, structure)?"));
        q.add(rated("room", "강의실과 시설·기자재에 만족하십니까?",
                "How satisfied are you with the room and the equipment?"));
        q.add(rated("running", "강좌 운영(안내, 시간 관리)에 만족하십니까?",
                "How satisfied are you with how the course was run (information, timekeeping)?"));
        q.add(new Question("recommend", QuestionType.SCALE, 5, true, true, "이 강좌를 다른 분께 추천하시겠습니까?",
                "Would you recommend this class to others?", AGREE_KO, AGREE_EN));
        q.add(new Question("comment", QuestionType.TEXT, 0, false, false, "좋았던 점이나 바라는 점을 자유롭게 적어 주세요.",
                "What did you like, and what would you wish for? (free text)", List.of(), List.of()));
        if (ageBand) {
            q.add(new Question("age", QuestionType.SCALE, 5, false, false, "연령대를 알려 주세요. (선택)",
                    "Your age band (optional)", List.of("20대 이하", "30–40대", "50대", "60대", "70대 이상"),
                    List.of("29 or younger", "30–49", "50–59", "60–69", "70 or older")));
        }
        if (heardOf) {
            q.add(new Question("heard", QuestionType.SCALE, 5, false, false, "이 강좌를 어떻게 알게 되셨나요? (선택)",
                    "How did you hear of this class? (optional)",
                    List.of("배움 포털·누리집", "현수막·소식지", "지인 소개", "SNS", "기타"),
                    List.of("Baeum portal or website", "Banner or newsletter", "A friend", "Social media", "Other")));
        }
        return List.copyOf(q);
    }

    private static Question rated(String id, String ko, String en) {
        return new Question(id, QuestionType.SCALE, 5, true, true, ko, en, SATISFIED_KO, SATISFIED_EN);
    }
}
