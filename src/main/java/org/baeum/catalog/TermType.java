package org.baeum.catalog;

/** How long a term runs; translated as {@code termType.<NAME>}. */
public enum TermType {
    /** 3개월 강좌 */
    THREE_MONTH,
    /** 6개월 강좌 */
    SIX_MONTH,
    /** 연간 (문해교육) */
    YEAR_LONG,
    /** 분기 (수영·헬스) */
    QUARTERLY
}
