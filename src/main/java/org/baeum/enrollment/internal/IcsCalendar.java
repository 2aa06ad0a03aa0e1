package org.baeum.enrollment.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.time.Instant;

/**
 * An iCalendar file (RFC 5545) with one event per session, for the enrolment confirmation: times are Asia/Seoul
 * wall-clock times with a VTIMEZONE (Korea has no daylight saving time, so one STANDARD block is exact).
 */
final class IcsCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsCalendar() {
    }

    static byte[] sessions(String uidPrefix, String title, String location, List<LocalDate> dates, LocalTime start,
                           LocalTime end, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Baeum//Enrolment//KO");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:Asia/Seoul");
        line(ics, "BEGIN:STANDARD");
        line(ics, "DTSTART:19700101T000000");
        line(ics, "TZOFFSETFROM:+0900");
        line(ics, "TZOFFSETTO:+0900");
        line(ics, "TZNAME:KST");
        line(ics, "END:STANDARD");
        line(ics, "END:VTIMEZONE");
        for (LocalDate day : dates) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + uidPrefix + "-" + day + "@baeum");
            line(ics, "DTSTAMP:" + UTC.format(stamp));
            line(ics, "DTSTART;TZID=Asia/Seoul:" + LOCAL.format(day.atTime(start)));
            line(ics, "DTEND;TZID=Asia/Seoul:" + LOCAL.format(day.atTime(end)));
            line(ics, "SUMMARY:" + escape(title));
            if (location != null && !location.isBlank()) {
                line(ics, "LOCATION:" + escape(location));
            }
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line, folded at 75 octets as RFC 5545 section 3.1 asks (never inside a UTF-8 character). */
    private static void line(StringBuilder out, String content) {
        int lineStart = 0;
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(content, lineStart, i).append("\r\n ");
                lineStart = i;
                octets = 1;
                limit = 75;
            }
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(content.substring(lineStart)).append("\r\n");
    }
}
