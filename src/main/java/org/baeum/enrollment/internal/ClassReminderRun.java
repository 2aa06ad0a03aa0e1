package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The class reminders' clock (decision 0049): keeps one due item per coming session day (tomorrow and the day after,
 * due the evening before at the hour STAFF set), and runs the due ones: {@link ReminderWalk} queues that day's
 * grouped mails, then the item is marked done. A crash between the two leaves a claim whose lease runs out; the walk
 * then runs again and its mails, keyed per household and day, are not added twice.
 */
@Component
public class ClassReminderRun {

    private static final Logger log = LoggerFactory.getLogger(ClassReminderRun.class);
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final ReminderDayRepository days;
    private final ReminderSettingsRepository settings;
    private final ReminderWalk walk;
    private final CrashPoints crashPoints;
    private final Clock clock;

    ClassReminderRun(ReminderDayRepository days, ReminderSettingsRepository settings, ReminderWalk walk,
                     CrashPoints crashPoints, Clock clock) {
        this.days = days;
        this.settings = settings;
        this.walk = walk;
        this.crashPoints = crashPoints;
        this.clock = clock;
    }

    /**
     * Schedules the coming days and runs the due ones.
     *
     * @return how many mails were queued
     */
    public int runDue(String owner) {
        scheduleComing();
        int queued = 0;
        for (Object id : days.dueIds(10)) {
            Optional<LocalDate> claimed = days.claim(id, owner);
            if (claimed.isEmpty()) {
                continue;
            }
            LocalDate day = claimed.get();
            try {
                queued += remind(day);
                crashPoints.reached(CrashPoints.Step.REMINDERS_QUEUED);
                days.complete(day, owner);
            } catch (CrashPoints.Crash crash) {
                throw crash; // a test's "crash": the claim stays until its lease runs out, as after a real one
            } catch (RuntimeException e) {
                log.warn("Class reminders of {} failed, retrying in a minute: {}", day, e.toString());
                days.retry(day, owner, clock.instant().plus(Duration.ofMinutes(1)), e.toString());
            }
        }
        return queued;
    }

    /** Tomorrow's and the next day's items, due at the hour set now (a pending one moves when the hour changed). */
    public void scheduleComing() {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        int hour = settings.hour();
        for (LocalDate day : new LocalDate[]{today.plusDays(1), today.plusDays(2)}) {
            days.schedule(day, dueAt(day, hour));
        }
    }

    /** The evening before {@code day} at {@code hour}, Asia/Seoul. */
    static Instant dueAt(LocalDate day, int hour) {
        return day.minusDays(1).atTime(hour, 0).atZone(SEOUL).toInstant();
    }

    private int remind(LocalDate day) {
        Instant dayBegins = day.atStartOfDay(SEOUL).toInstant();
        if (!clock.instant().isBefore(dayBegins)) {
            log.warn("Class reminders of {} not sent: the day had begun when their item was run", day);
            return 0;
        }
        int[] queued = {0};
        SystemIdentity.run(() -> queued[0] = walk.remind(day));
        log.info("Class reminders of {}: {} mail(s) queued", day, queued[0]);
        return queued[0];
    }
}
