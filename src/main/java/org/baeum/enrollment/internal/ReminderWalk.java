package org.baeum.enrollment.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.calendar.Closure;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.Offering;
import org.baeum.catalog.RoomSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One day's class reminders (decision 0049), run as the system by {@link ClassReminderRun}: the day's sessions of
 * published offerings as the catalog has them now (a closure's cancelled days are gone from them, its make-up days are
 * there), less the sessions in a place a closure shuts on that day (whole day, or hours that meet the session), then
 * the ENROLLED entries of those offerings: every entry on its class's first session, on a later session only the
 * entries whose household asked for a reminder before every session. The lines are grouped per household: one mail
 * each ({@link ClassReminderMail}).
 */
@Component
class ReminderWalk {

    private static final Logger log = LoggerFactory.getLogger(ReminderWalk.class);

    /**
     * One class session of one participant, as a line of the household's mail; {@code whatToBringKo/En} the program's
     * 준비물 (null: nothing to bring).
     */
    record Line(String participantName, String titleKo, String titleEn, LocalTime start, LocalTime end,
                String roomNameKo, String roomNameEn, boolean firstSession, String whatToBringKo,
                String whatToBringEn) {
    }

    private final RoomSessions roomSessions;
    private final CatalogService catalog;
    private final DaysOff daysOff;
    private final EnrollmentLists lists;
    private final ReminderPreferenceRepository prefs;
    private final ClassReminderMail mail;

    ReminderWalk(RoomSessions roomSessions, CatalogService catalog, DaysOff daysOff, EnrollmentLists lists,
                 ReminderPreferenceRepository prefs, ClassReminderMail mail) {
        this.roomSessions = roomSessions;
        this.catalog = catalog;
        this.daysOff = daysOff;
        this.lists = lists;
        this.prefs = prefs;
        this.mail = mail;
    }

    /** Queues the day's mails; how many households were mailed (a mail queued before counts again). */
    int remind(LocalDate day) {
        Map<String, ClassSession> sessions = new LinkedHashMap<>();
        Map<String, List<Closure>> closures = new HashMap<>();
        int closed = 0;
        for (ClassSession s : roomSessions.between(null, null, day, day)) {
            List<Closure> here = closures.computeIfAbsent(s.branchId() + "|" + s.roomId(),
                    k -> daysOff.closuresOn(day, Place.room(s.branchId(), s.roomId())));
            if (here.stream().anyMatch(c -> shuts(c, s))) {
                closed++;
                continue;
            }
            sessions.putIfAbsent(s.offeringId().value(), s);
        }
        Map<String, Offering> offerings = new HashMap<>();
        List<String> later = new ArrayList<>();
        for (String id : sessions.keySet()) {
            catalog.offering(new org.baeum.catalog.OfferingId(id)).filter(o -> o.sessionDates().contains(day))
                    .ifPresent(o -> {
                        offerings.put(id, o);
                        if (!o.sessionDates().getFirst().equals(day)) {
                            later.add(id);
                        }
                    });
        }
        Set<String> everySession = prefs.everySessionIn(later);
        Map<String, String[]> rooms = mail.roomNames();
        Map<String, List<Line>> byHousehold = new LinkedHashMap<>();
        for (EnrollmentDocument e : lists.enrolledIn(offerings.keySet())) {
            Offering o = offerings.get(e.offeringId());
            boolean first = o.sessionDates().getFirst().equals(day);
            if (!first && !everySession.contains(e.id())) {
                continue;
            }
            ClassSession s = sessions.get(e.offeringId());
            String[] room = rooms.getOrDefault(s.roomId(), new String[]{s.roomId(), s.roomId()});
            byHousehold.computeIfAbsent(e.householdId(), h -> new ArrayList<>()).add(new Line(e.participantName(),
                    o.program().titleKo(), o.program().titleEn(), s.start(), s.end(), room[0], room[1], first,
                    o.program().whatToBringKo(), o.program().whatToBringEn()));
        }
        byHousehold.values().forEach(lines -> lines.sort(Comparator.comparing(Line::start)
                .thenComparing(Line::participantName).thenComparing(Line::titleKo)));
        int mailed = mail.remind(day, byHousehold);
        log.info("Class reminders of {}: {} session(s), {} in closed places, {} household(s) mailed", day,
                sessions.size(), closed, mailed);
        return mailed;
    }

    /** A whole-day closure of the place, or one whose hours meet the session's. */
    private static boolean shuts(Closure c, ClassSession s) {
        return c.fromTime() == null || c.fromTime().isBefore(s.end()) && s.start().isBefore(c.toTime());
    }
}
