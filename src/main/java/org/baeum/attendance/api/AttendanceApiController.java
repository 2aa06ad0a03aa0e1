package org.baeum.attendance.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.RosterEntry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rosters and attendance for apps (bearer tokens):
 * <ul>
 *   <li>{@code GET /api/v1/instructor/offerings} (INSTRUCTOR): {@code [{"id", "title", "sessions": ["2026-12-01", …]}]}</li>
 *   <li>{@code GET /api/v1/offerings/{id}/roster} (its instructor, STAFF, ADMIN):
 *   {@code {"participants": [{"enrollmentId", "name", "ageBand", "contact"}]}}, the contact masked</li>
 *   <li>{@code GET /api/v1/offerings/{id}/attendance}: {@code {"sessions": [...], "participants": [{"enrollmentId",
 *   "name", "marks": {"2026-12-01": "PRESENT", …}}]}}</li>
 *   <li>{@code PUT /api/v1/offerings/{id}/sessions/{date}/attendance} with {@code [{"enrollmentId", "status"}]},
 *   optional {@code ?reason=}: idempotent; answers {@code {"date", "marks": {enrollmentId: status}}}; 403 for an
 *   instructor past the 7-day limit; 400 {@code {"error", "fields"}} for an unknown status, a day that is not a
 *   session, someone not enrolled, or a late change by STAFF without a reason.</li>
 * </ul>
 * These names are a contract: extend them, do not rename them. Anyone who neither teaches the offering nor is STAFF
 * gets 403.
 */
@RestController
class AttendanceApiController {

    record TaughtItem(String id, String title, List<String> sessions) {
    }

    record Participant(String enrollmentId, String name, int ageBand, String contact) {
    }

    record Roster(List<Participant> participants) {
    }

    record Row(String enrollmentId, String name, Map<String, String> marks) {
    }

    record Sheet(String offeringId, List<String> sessions, List<Row> participants) {
    }

    record MarkBody(String enrollmentId, String status) {
    }

    record Saved(String date, Map<String, String> marks) {
    }

    private final Attendance attendance;
    private final Messages messages;

    AttendanceApiController(Attendance attendance, Messages messages) {
        this.attendance = attendance;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/instructor/offerings", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TaughtItem> taught(Locale locale) {
        return attendance.myOfferings().stream().map(t -> new TaughtItem(t.offering().id().value(),
                t.offering().title(locale), t.sessions().stream().map(LocalDate::toString).toList())).toList();
    }

    @GetMapping(path = "/api/v1/offerings/{id}/roster", produces = MediaType.APPLICATION_JSON_VALUE)
    Roster roster(@PathVariable String id) {
        return new Roster(attendance.roster(new OfferingId(id)).stream().map(AttendanceApiController::participant)
                .toList());
    }

    @GetMapping(path = "/api/v1/offerings/{id}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    Sheet sheet(@PathVariable String id) {
        AttendanceSheet sheet = attendance.sheet(new OfferingId(id));
        List<Row> rows = sheet.rows().stream().map(r -> {
            Map<String, String> marks = new LinkedHashMap<>();
            sheet.sessions().stream().filter(r.marks()::containsKey)
                    .forEach(d -> marks.put(d.toString(), r.marks().get(d).name()));
            return new Row(r.enrollmentId().value(), r.name(), marks);
        }).toList();
        return new Sheet(id, sheet.sessions().stream().map(LocalDate::toString).toList(), rows);
    }

    @PutMapping(path = "/api/v1/offerings/{id}/sessions/{date}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    Saved mark(@PathVariable String id, @PathVariable String date, @RequestBody(required = false) List<MarkBody> body,
               @RequestParam(required = false) String reason) {
        OfferingId offering = new OfferingId(id);
        attendance.requireAccess(offering); // 403 for an outsider before any 400 about what they sent
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException notADate) {
            throw InvalidInputException.of("date", "attendance.validation.notSession");
        }
        List<MarkBody> items = body == null ? List.of() : body;
        List<Mark> marks = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MarkBody m = items.get(i);
            AttendanceStatus status = m == null ? null : status(m.status());
            if (m != null && m.status() != null && status == null) {
                problems.add(FieldProblem.of("marks[" + i + "].status", "attendance.validation.unknownStatus"));
            }
            marks.add(m == null ? null : new Mark(m.enrollmentId() == null || m.enrollmentId().isBlank() ? null
                    : new EnrollmentId(m.enrollmentId().strip()), status));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, String> saved = new LinkedHashMap<>();
        attendance.mark(offering, day, marks, reason).forEach((e, s) -> saved.put(e.value(), s.name()));
        return new Saved(day.toString(), saved);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.put(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        return ResponseEntity.badRequest().body(Map.of("error", messages.get("validation.summary", locale), "fields", fields));
    }

    private static AttendanceStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AttendanceStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Participant participant(RosterEntry r) {
        return new Participant(r.id().value(), r.name(), r.ageBand(), r.maskedContact());
    }
}
