package org.baeum.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One program in one term (개설 강좌): schedule, generated session dates (holidays and closures skipped),
 * room, capacity, seats, recruitment and what staff decided about it.
 */
public record Offering(OfferingId id, Program program, TermId termId, String roomId, WeeklySchedule schedule,
                       List<LocalDate> sessionDates, int capacity, int seatsTaken, int waitlistLength,
                       Publication publication, Recruitment recruitment) {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public Offering {
        sessionDates = List.copyOf(sessionDates);
    }

    /** The first session day, when a participant's age counts; the first schedule day if no session is planned. */
    public java.time.LocalDate ageDay() {
        return sessionDates.isEmpty() ? schedule.firstDate() : sessionDates.getFirst();
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public String title(Locale locale) {
        return program.title(locale);
    }

    /** The status a visitor sees now: staff's decision, then the recruitment window and the session dates. */
    public OfferingStatus status(Instant now) {
        return status(publication, recruitment, sessionDates, schedule, now);
    }

    static OfferingStatus status(Publication publication, Recruitment recruitment, List<LocalDate> sessions,
                                 WeeklySchedule schedule, Instant now) {
        if (publication == Publication.CANCELLED) {
            return OfferingStatus.CANCELLED;
        }
        if (publication == Publication.DRAFT) {
            return OfferingStatus.DRAFT;
        }
        if (now.isBefore(recruitment.opensAt())) {
            return OfferingStatus.PUBLISHED;
        }
        if (now.isBefore(recruitment.closesAt())) {
            return OfferingStatus.RECRUITING;
        }
        if (sessions.isEmpty()) {
            return OfferingStatus.CLOSED;
        }
        Instant firstStart = LocalDateTime.of(sessions.getFirst(), schedule.startTime()).atZone(SEOUL).toInstant();
        Instant lastEnd = LocalDateTime.of(sessions.getLast(), schedule.endTime()).atZone(SEOUL).toInstant();
        if (now.isBefore(firstStart)) {
            return OfferingStatus.CLOSED;
        }
        return now.isBefore(lastEnd) ? OfferingStatus.RUNNING : OfferingStatus.FINISHED;
    }
}
