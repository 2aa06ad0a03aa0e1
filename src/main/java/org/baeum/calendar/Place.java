package org.baeum.calendar;

import java.util.Objects;

/**
 * Where something happens, as the calendar needs to know it: the branch, and inside it a room or a facility (or
 * neither, for the branch as a whole). The caller names the branch because the calendar knows no rooms: a room
 * or a facility is closed when its branch is.
 *
 * @param branchId   the branch, never blank
 * @param roomId     a room of that branch, or {@code null}
 * @param facilityId a facility of that branch, or {@code null}; never together with a room
 */
public record Place(String branchId, String roomId, String facilityId) {

    public Place {
        Objects.requireNonNull(branchId, "branchId");
        if (branchId.isBlank()) {
            throw new IllegalArgumentException("branchId must not be blank");
        }
        if (roomId != null && roomId.isBlank() || facilityId != null && facilityId.isBlank()) {
            throw new IllegalArgumentException("roomId and facilityId must be null or non-blank");
        }
        if (roomId != null && facilityId != null) {
            throw new IllegalArgumentException("A place is a room or a facility, not both");
        }
    }

    /** The branch as a whole (not one of its rooms). */
    public static Place branch(String branchId) {
        return new Place(branchId, null, null);
    }

    /** A room; {@code roomId} may be null, which means the branch as a whole. */
    public static Place room(String branchId, String roomId) {
        return new Place(branchId, roomId, null);
    }

    /** A facility of a branch (the pool, the gym). */
    public static Place facility(String branchId, String facilityId) {
        return new Place(branchId, null, Objects.requireNonNull(facilityId, "facilityId"));
    }
}
