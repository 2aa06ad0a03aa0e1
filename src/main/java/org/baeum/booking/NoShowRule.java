package org.baeum.booking;

/**
 * When no-shows stop online booking (STAFF change it): {@code marks} no-show marks within {@code windowDays} ban
 * online booking for {@code banDays}; a booking not checked in {@code graceMinutes} after its start is released and
 * marked. Default 3 within 90 days → 30 days, grace 15 minutes.
 */
public record NoShowRule(int marks, int windowDays, int banDays, int graceMinutes) {

    public static final NoShowRule DEFAULT = new NoShowRule(3, 90, 30, 15);
}
