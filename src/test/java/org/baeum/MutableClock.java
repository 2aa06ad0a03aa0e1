package org.baeum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move forward instead of sleeping. Follows real time until it is set or moved. */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock copy = new MutableClock(zone);
        copy.offset.set(offset.get());
        return copy;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
