package org.baeum.catalog;

/** How seats are given out; translated as {@code recruitment.method.<NAME>}. */
public enum RecruitmentMethod {
    /** 선착순 */
    FIRST_COME,
    /** 추첨 */
    LOTTERY
}
