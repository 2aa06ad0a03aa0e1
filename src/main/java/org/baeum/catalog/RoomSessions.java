package org.baeum.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.baeum.catalog.internal.OfferingDocument;
import org.baeum.catalog.internal.OfferingRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The class sessions that take up a room (published offerings only; drafts may still move): a room's booking grid
 * shows them as taken with the class's title, a club's series is refused where it meets one, a closure lists them.
 * Public information, as the offering pages show the same dates and rooms.
 */
@Service
public class RoomSessions {

    /** The longest period asked at once. */
    public static final int MAX_DAYS = 400;

    private final OfferingRepository offerings;

    RoomSessions(OfferingRepository offerings) {
        this.offerings = offerings;
    }

    /**
     * Sessions between {@code from} and {@code to} (inclusive) in the room {@code roomId}, or with {@code roomId}
     * null in every room of {@code branchId}, or with both null everywhere; by day, start and offering.
     *
     * @throws IllegalArgumentException for a period that ends before it starts or is longer than {@value #MAX_DAYS} days
     */
    @PreAuthorize("permitAll()")
    public List<ClassSession> between(String branchId, String roomId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("a period of 1 to " + MAX_DAYS + " days: " + from + " – " + to);
        }
        List<ClassSession> sessions = new ArrayList<>();
        for (OfferingDocument o : offerings.publishedOverlapping(branchId, roomId, from, to)) {
            if (o.startTime() == null || o.endTime() == null || o.sessionDates() == null) {
                continue;
            }
            LocalTime start = LocalTime.parse(o.startTime());
            LocalTime end = LocalTime.parse(o.endTime());
            for (LocalDate day : o.sessionDates()) {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    sessions.add(new ClassSession(new OfferingId(o.id()), o.titleKo(), o.titleEn(), o.branchId(),
                            o.roomId(), day, start, end));
                }
            }
        }
        sessions.sort(Comparator.comparing(ClassSession::date).thenComparing(ClassSession::start)
                .thenComparing(s -> s.offeringId().value()));
        return sessions;
    }
}
