package org.baeum.catalog;

/** What a room is for; translated as {@code room.kind.<NAME>}. */
public enum RoomKind {
    /** 평생학습실 */
    LIFELONG_LEARNING_ROOM,
    /** 자율학습실 */
    STUDY_ROOM,
    /** 소강당 */
    SMALL_AUDITORIUM,
    /** 디지털좌석 */
    DIGITAL_SEATS,
    /** 마포갤러리 */
    GALLERY,
    /** 학습동아리방 */
    CLUB_ROOM,
    /** 수영장 */
    SWIMMING_POOL,
    /** 헬스장 */
    GYM
}
