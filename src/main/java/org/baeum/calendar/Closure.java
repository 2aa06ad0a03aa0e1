package org.baeum.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A period in which a place is closed (휴관), both ends inclusive, with its reason in Korean and English.
 *
 * <p>Which ids are set follows the scope: none for {@link ClosureScope#ALL}; the branch for
 * {@link ClosureScope#BRANCH}; the room, or the facility, and the branch it belongs to for {@link ClosureScope#ROOM}
 * and {@link ClosureScope#FACILITY}. The branch of a room or facility closure only says where it is: such a closure
 * closes that one room or facility, not its branch.
 *
 * @param id         the stored closure's id, never blank
 * @param scope      what it closes, never {@code null}
 * @param branchId   see above
 * @param roomId     the closed room ({@link ClosureScope#ROOM} only)
 * @param facilityId the closed facility ({@link ClosureScope#FACILITY} only)
 * @param firstDay   first closed day
 * @param lastDay    last closed day, not before {@code firstDay}
 * @param reasonKo   reason shown in Korean, never blank
 * @param reasonEn   reason shown in English, never blank
 * @param fromTime   with {@code toTime}: the hours closed on each day (an "hours closure", decision 0043); both
 *                   {@code null} for whole days. An hours closure does not make the day a day off
 * @param toTime     see {@code fromTime}; after it
 */
public record Closure(String id, ClosureScope scope, String branchId, String roomId, String facilityId,
                      LocalDate firstDay, LocalDate lastDay, String reasonKo, String reasonEn, LocalTime fromTime,
                      LocalTime toTime) {

    /** A closure of whole days. */
    public Closure(String id, ClosureScope scope, String branchId, String roomId, String facilityId,
                   LocalDate firstDay, LocalDate lastDay, String reasonKo, String reasonEn) {
        this(id, scope, branchId, roomId, facilityId, firstDay, lastDay, reasonKo, reasonEn, null, null);
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if the id, scope, a date or a reason is {@code null}
     * @throws IllegalArgumentException if the ids do not fit the scope, {@code lastDay} is before {@code firstDay}
     *                                  or a text is blank
     */
    public Closure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(reasonKo, "reasonKo");
        Objects.requireNonNull(reasonEn, "reasonEn");
        if (id.isBlank() || reasonKo.isBlank() || reasonEn.isBlank()) {
            throw new IllegalArgumentException("A closure's id and reasons must not be blank");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("Closure lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        if ((fromTime == null) != (toTime == null) || fromTime != null && !fromTime.isBefore(toTime)) {
            throw new IllegalArgumentException("Closure " + id + " hours must be both null or from before to: "
                    + fromTime + " – " + toTime);
        }
        boolean fits = switch (scope) {
            case ALL -> branchId == null && roomId == null && facilityId == null;
            case BRANCH -> present(branchId) && roomId == null && facilityId == null;
            case ROOM -> present(branchId) && present(roomId) && facilityId == null;
            case FACILITY -> present(branchId) && roomId == null && present(facilityId);
        };
        if (!fits) {
            throw new IllegalArgumentException("Closure " + id + " of scope " + scope + " has ids that do not fit it: branch "
                    + branchId + ", room " + roomId + ", facility " + facilityId);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Every branch closed. */
    public static Closure allBranches(String id, LocalDate firstDay, LocalDate lastDay, String reasonKo, String reasonEn) {
        return new Closure(id, ClosureScope.ALL, null, null, null, firstDay, lastDay, reasonKo, reasonEn);
    }

    /** One branch closed, with its rooms and facilities. */
    public static Closure branch(String id, String branchId, LocalDate firstDay, LocalDate lastDay, String reasonKo,
                                 String reasonEn) {
        return new Closure(id, ClosureScope.BRANCH, branchId, null, null, firstDay, lastDay, reasonKo, reasonEn);
    }

    /** One room of a branch closed. */
    public static Closure room(String id, String branchId, String roomId, LocalDate firstDay, LocalDate lastDay,
                               String reasonKo, String reasonEn) {
        return new Closure(id, ClosureScope.ROOM, branchId, roomId, null, firstDay, lastDay, reasonKo, reasonEn);
    }

    /** One facility of a branch closed. */
    public static Closure facility(String id, String branchId, String facilityId, LocalDate firstDay, LocalDate lastDay,
                                   String reasonKo, String reasonEn) {
        return new Closure(id, ClosureScope.FACILITY, branchId, null, facilityId, firstDay, lastDay, reasonKo, reasonEn);
    }

    /**
     * Tells whether this closure closes the place (on its days): every closure of all branches; a branch closure
     * for the branch and everything in it; a room or facility closure for that room or facility only.
     */
    public boolean closes(Place place) {
        Objects.requireNonNull(place, "place");
        return switch (scope) {
            case ALL -> true;
            case BRANCH -> branchId.equals(place.branchId());
            case ROOM -> roomId.equals(place.roomId());
            case FACILITY -> facilityId.equals(place.facilityId());
        };
    }

    /** Tells whether it closes whole days (no hours given). */
    public boolean wholeDays() {
        return fromTime == null;
    }

    /**
     * Tells whether it closes the place on the day during some of {@code start..end} (a whole-day closure: any time
     * of its days; an hours closure: when the two periods overlap).
     */
    public boolean closesDuring(LocalDate day, LocalTime start, LocalTime end) {
        return includes(day) && (wholeDays() || start.isBefore(toTime) && fromTime.isBefore(end));
    }

    /** The same closure with another last day (lifting it early). */
    public Closure endingOn(LocalDate newLastDay) {
        return new Closure(id, scope, branchId, roomId, facilityId, firstDay, newLastDay, reasonKo, reasonEn, fromTime,
                toTime);
    }

    /** Tells whether {@code firstDay <= day <= lastDay}. */
    public boolean includes(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** Tells whether this closure has a day in {@code from..to} (both inclusive). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !lastDay.isBefore(from) && !firstDay.isAfter(to);
    }

    /** The room, facility or branch closed, or {@code null} for all branches. */
    public String targetId() {
        return switch (scope) {
            case ALL -> null;
            case BRANCH -> branchId;
            case ROOM -> roomId;
            case FACILITY -> facilityId;
        };
    }

    /** The reason in English for English, in Korean otherwise. */
    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) ? reasonEn : reasonKo;
    }
}
