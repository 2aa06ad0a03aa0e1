package org.baeum.capacity;

/**
 * A resource's counters right after a change (or as read): {@code left} = {@code capacity} − {@code taken};
 * {@code waitlistSeq} is the last ticket issued and {@code waitlistLength} the people waiting (a display counter);
 * {@code waitlistDecides} once someone had to wait, after which free units go through the waitlist, not first come.
 */
public record Counters(int capacity, int taken, int left, int waitlistLength, long waitlistSeq, boolean waitlistDecides) {
}
