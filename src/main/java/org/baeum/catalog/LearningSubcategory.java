package org.baeum.catalog;

/**
 * The 18 sub-categories of the earlier 6진 분류, each under the {@link LearningArea} it belongs to. Translated as
 * {@code learningSubcategory.<NAME>}.
 */
public enum LearningSubcategory {
    /** 초등 학력보완 */
    ELEMENTARY(LearningArea.ACADEMIC_SUPPLEMENT),
    /** 중등 학력보완 */
    MIDDLE(LearningArea.ACADEMIC_SUPPLEMENT),
    /** 고등 학력보완 */
    HIGH(LearningArea.ACADEMIC_SUPPLEMENT),
    /** 문자해득 */
    LITERACY_BASICS(LearningArea.ADULT_LITERACY),
    /** 기초생활기술 */
    BASIC_LIFE_SKILLS(LearningArea.ADULT_LITERACY),
    /** 문해학습계좌 */
    LITERACY_ACCOUNT(LearningArea.ADULT_LITERACY),
    /** 직업준비 */
    JOB_PREPARATION(LearningArea.VOCATIONAL),
    /** 자격인증 */
    CERTIFICATION(LearningArea.VOCATIONAL),
    /** 현직직무역량 */
    ON_THE_JOB(LearningArea.VOCATIONAL),
    /** 레저생활스포츠 */
    LEISURE_SPORTS(LearningArea.CULTURE_ARTS),
    /** 생활문화예술 */
    EVERYDAY_ARTS(LearningArea.CULTURE_ARTS),
    /** 문화예술향상 */
    ARTS_ADVANCEMENT(LearningArea.CULTURE_ARTS),
    /** 건강심성 */
    HEALTH_MIND(LearningArea.LIBERAL_ARTS),
    /** 기능적소양 */
    FUNCTIONAL_LITERACY(LearningArea.LIBERAL_ARTS),
    /** 인문학적교양 */
    HUMANITIES(LearningArea.LIBERAL_ARTS),
    /** 시민책무성 */
    CIVIC_RESPONSIBILITY(LearningArea.CIVIC_PARTICIPATION),
    /** 시민리더역량 */
    CIVIC_LEADERSHIP(LearningArea.CIVIC_PARTICIPATION),
    /** 시민참여활동 */
    CIVIC_ACTIVITY(LearningArea.CIVIC_PARTICIPATION);

    private final LearningArea area;

    LearningSubcategory(LearningArea area) {
        this.area = area;
    }

    public LearningArea area() {
        return area;
    }
}
