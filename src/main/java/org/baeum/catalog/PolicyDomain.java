package org.baeum.catalog;

/** The city's five policy domains (5대 영역) that group programs in reports; translated as {@code domain.<NAME>}. */
public enum PolicyDomain {
    /** 평생직업 역량 및 일자리 지원 강화 */
    JOB_SKILLS,
    /** 디지털 역량 강화 및 시민 성장 지원 */
    DIGITAL_CIVIC,
    /** 진입장벽 해소 및 취약계층 교육 지원 확대 */
    ACCESS,
    /** 인생 전환기 학습활동 지원 */
    LIFE_TRANSITION,
    /** 평생학습지원체계 강화 */
    SUPPORT_SYSTEM
}
