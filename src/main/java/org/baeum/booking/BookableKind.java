package org.baeum.booking;

/**
 * What a citizen can book (decision 0042); translated as {@code booking.kind.<NAME>}.
 * <ul>
 *   <li>{@link #STUDY_SEAT}: a seat of a study room (자율학습실·열람실), for a whole day or a time block;</li>
 *   <li>{@link #DIGITAL_SEAT}: a digital seat (디지털좌석), by time block;</li>
 *   <li>{@link #STUDY_ROOM}, {@link #CLUB_ROOM}: a room for a group, by time slot, with a minimum and maximum group;</li>
 *   <li>{@link #AUDITORIUM} (소강당), {@link #GALLERY} (갤러리): a request that STAFF approve.</li>
 * </ul>
 */
public enum BookableKind {
    STUDY_SEAT,
    DIGITAL_SEAT,
    STUDY_ROOM,
    CLUB_ROOM,
    AUDITORIUM,
    GALLERY;

    /** A booking of this kind waits for STAFF's approval (REQUESTED) before it holds the slot for good. */
    public boolean approvedByStaff() {
        return this == AUDITORIUM || this == GALLERY;
    }

    /** A group books it as a whole: one unit per slot, with a group size between the rules' minimum and maximum. */
    public boolean forGroups() {
        return this == STUDY_ROOM || this == CLUB_ROOM || this == AUDITORIUM || this == GALLERY;
    }
}
