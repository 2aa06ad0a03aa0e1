package org.baeum.facility;

/** Sports facilities; translated as {@code facility.kind.<NAME>}. */
public enum FacilityKind {
    /** 수영장 */
    POOL,
    /** 헬스장 */
    GYM
}
