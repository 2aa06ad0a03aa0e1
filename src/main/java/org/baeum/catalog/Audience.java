package org.baeum.catalog;

/** The audiences (대상) of the centre's tables; translated as {@code audience.<NAME>}. */
public enum Audience {
    /** 성인 */
    ADULT,
    /** 청소년·어린이 */
    YOUTH_CHILDREN,
    /** 유아 */
    INFANT,
    /** 스포츠 */
    SPORTS
}
