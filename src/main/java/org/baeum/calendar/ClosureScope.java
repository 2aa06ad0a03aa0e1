package org.baeum.calendar;

/**
 * What a closure (휴관) closes; translated as {@code closure.scope.<NAME>}. A place is closed on a day when a closure
 * of any of these scopes that covers it includes the day: every branch, its branch, its own room or its own facility.
 */
public enum ClosureScope {
    /** Every branch, and so every room and facility (전체 휴관). */
    ALL,
    /** One branch with all its rooms and facilities. */
    BRANCH,
    /** One room; the branch's other rooms stay open. */
    ROOM,
    /** One facility, e.g. the pool for a week while classes run in the rooms. */
    FACILITY
}
