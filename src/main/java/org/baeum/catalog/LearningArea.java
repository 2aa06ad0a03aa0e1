package org.baeum.catalog;

/**
 * The seven areas of lifelong education in 평생교육법 제2조 (since 2023), the national classification programs carry
 * beside the city's {@link PolicyDomain}. Translated as {@code learningArea.<NAME>}.
 */
public enum LearningArea {
    /** 학력보완교육 */
    ACADEMIC_SUPPLEMENT,
    /** 성인 문해교육 */
    ADULT_LITERACY,
    /** 직업능력 향상교육 */
    VOCATIONAL,
    /** 성인 진로개발역량 향상교육 (added in 2023; no sub-category of the earlier 6진 분류) */
    CAREER_DEVELOPMENT,
    /** 인문교양교육 */
    LIBERAL_ARTS,
    /** 문화예술교육 */
    CULTURE_ARTS,
    /** 시민참여교육 */
    CIVIC_PARTICIPATION
}
