package org.baeum.booking;

/** Why a slot can or cannot be booked; translated as {@code booking.slot.<NAME>}. */
public enum SlotState {
    /** At least one unit is free. */
    FREE,
    /** Every unit is taken. */
    FULL,
    /** It has started or ended, or lies beyond how far ahead the resource can be booked. */
    NOT_BOOKABLE,
    /** A day off or a closure (hours included) of the branch, room or facility. */
    CLOSED,
    /** A class session is held in the room then. */
    CLASS
}
