package org.baeum.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.CompletionWarnings;
import org.baeum.attendance.export.AttendanceExports;
import org.baeum.attendance.notice.ClassNotices;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.InstructorRosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Taking attendance on a phone (issue 16, point 3): choose a session (today's, else the latest past one), then tap
 * each participant's mark or "모두 출석" for everyone not marked yet. Each change is saved at once through
 * {@link Attendance#mark}; the status line says whether everything is saved, and when a save fails (the network, the
 * 7-day limit) it says why, keeps the unsaved marks on screen and offers to try again. STAFF changing a session past
 * that limit are asked for the reason once per session ({@link LateReasonDialog}). On top, {@link OfferingTools}: the
 * class notice and the downloads. The roster follows below.
 * Who may open it is decided by the service: anyone it refuses gets the access-denied page.
 */
@Route("instructor/offerings/:id/attendance")
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
class AttendanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AttendanceView.class);

    private final transient Attendance attendance;
    private final transient InstructorRosters rosters;
    private final transient CatalogService catalog;
    private final transient CurrentUser currentUser;
    private final transient Clock clock;
    private final transient CompletionWarnings warnings;
    private final transient ClassNotices notices;
    private final transient AttendanceExports exports;

    OfferingId offeringId;
    String title = "";
    final Select<LocalDate> session = new Select<>();
    final Div rows = new Div();
    final List<MarkRow> markRows = new ArrayList<>();
    final Button allPresent = new Button();
    final Paragraph status = new Paragraph();
    final Button retry = new Button();
    /** Marks chosen at the current session and not saved yet. */
    final Map<EnrollmentId, AttendanceStatus> unsaved = new LinkedHashMap<>();
    RosterSection roster;
    OfferingTools tools;
    /** Why STAFF change the current session after the instructors' limit (asked once per session), or null. */
    String reason;
    LateReasonDialog reasonDialog;

    AttendanceView(Attendance attendance, InstructorRosters rosters, CatalogService catalog, CurrentUser currentUser,
                   Clock clock, ClassNotices notices, AttendanceExports exports, CompletionWarnings warnings) {
        this.warnings = warnings;
        this.attendance = attendance;
        this.rosters = rosters;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
        this.notices = notices;
        this.exports = exports;
        addClassName("baeum-attendance");
        setMaxWidth("40rem");
        setPadding(true);
    }

    static String path(OfferingId id) {
        return "instructor/offerings/" + id.value() + "/attendance";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        offeringId = new OfferingId(event.getRouteParameters().get("id").orElse(""));
        AttendanceSheet sheet;
        try {
            sheet = attendance.sheet(offeringId);
            roster = new RosterSection(rosters, offeringId, attendance.roster(offeringId),
                    currentUser.hasRole(Role.INSTRUCTOR));
        } catch (AccessDeniedException | IllegalArgumentException refused) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
            return;
        }
        Offering offering = catalog.offering(offeringId).orElseThrow();
        title = offering.title(getLocale());
        Paragraph waitlist = new Paragraph(getTranslation("attendancePage.waitlist", offering.waitlistLength()));
        waitlist.addClassName("baeum-waitlist-length");
        tools = new OfferingTools(notices, exports, offeringId, title);
        add(new Anchor("instructor", getTranslation("attendancePage.back")), new H1(title), tools, waitlist);
        if (sheet.sessions().isEmpty()) {
            add(new Paragraph(getTranslation("attendancePage.noSessions")), roster);
            return;
        }
        session.setLabel(getTranslation("attendancePage.session"));
        session.setItems(sheet.sessions());
        session.setItemLabelGenerator(d -> Formats.date(d, getLocale()));
        session.setWidthFull();
        session.setValue(defaultSession(sheet.sessions()));
        session.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                switchTo(e.getOldValue(), e.getValue());
            }
        });
        allPresent.setText(getTranslation("attendancePage.allPresent"));
        allPresent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        allPresent.setWidthFull();
        allPresent.getStyle().set("min-height", "48px");
        allPresent.addClickListener(e -> allPresent());
        status.setId("attendance-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        retry.setText(getTranslation("attendancePage.retry"));
        retry.getStyle().set("min-height", "44px");
        retry.addClickListener(e -> save());
        rows.setWidthFull();
        add(session, allPresent, status, retry, new H2(getTranslation("attendancePage.marks")), rows, roster);
        show(sheet, session.getValue());
    }

    private LocalDate defaultSession(List<LocalDate> sessions) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        return sessions.stream().filter(d -> !d.isAfter(today)).reduce((a, b) -> b).orElse(sessions.getFirst());
    }

    private void show(AttendanceSheet sheet, LocalDate day) {
        unsaved.clear();
        reason = null;
        rows.removeAll();
        markRows.clear();
        for (AttendanceSheet.Row r : sheet.rows()) {
            MarkRow row = new MarkRow(r.enrollmentId(), r.name(), s -> choose(r.enrollmentId(), s));
            row.show(r.marks().get(day), false);
            markRows.add(row);
            rows.add(row);
        }
        if (sheet.rows().isEmpty()) {
            rows.add(new Paragraph(getTranslation("attendancePage.noneEnrolled")));
        }
        allPresent.setEnabled(!sheet.rows().isEmpty());
        MarkRow.warnAll(markRows, () -> warnings.ofOffering(offeringId));
        setStatus(getTranslation("attendancePage.loaded"), false);
    }

    /** Shows another session; marks of the previous one that still cannot be saved are dropped, and it says so. */
    private void switchTo(LocalDate previous, LocalDate next) {
        int dropped = 0;
        if (!unsaved.isEmpty() && previous != null) {
            dropped = saveAt(previous);
        }
        show(attendance.sheet(offeringId), next);
        if (dropped > 0) {
            setStatus(getTranslation("attendancePage.dropped", dropped, Formats.date(previous, getLocale())), true);
            retry.setVisible(false);
        }
    }

    private int saveAt(LocalDate day) {
        try {
            attendance.mark(offeringId, day, unsaved.entrySet().stream()
                    .map(e -> new Mark(e.getKey(), e.getValue())).toList(), reason);
            return 0;
        } catch (RuntimeException failed) {
            return unsaved.size();
        }
    }

    private void choose(EnrollmentId id, AttendanceStatus s) {
        unsaved.put(id, s);
        save();
    }

    void allPresent() {
        markRows.stream().filter(r -> r.status() == null && !unsaved.containsKey(r.enrollmentId))
                .forEach(r -> unsaved.put(r.enrollmentId, AttendanceStatus.PRESENT));
        save();
    }

    /** Saves every unsaved mark of the session at once; on failure they stay unsaved and on screen. */
    void save() {
        markRows.forEach(r -> r.show(unsaved.getOrDefault(r.enrollmentId, r.status()), unsaved.containsKey(r.enrollmentId)));
        if (unsaved.isEmpty()) {
            return;
        }
        List<Mark> marks = unsaved.entrySet().stream().map(e -> new Mark(e.getKey(), e.getValue())).toList();
        try {
            Map<EnrollmentId, AttendanceStatus> saved = attendance.mark(offeringId, session.getValue(), marks, reason);
            unsaved.clear();
            markRows.forEach(r -> r.show(saved.get(r.enrollmentId), false));
            MarkRow.warnAll(markRows, () -> warnings.ofOffering(offeringId));
            setStatus(getTranslation("attendancePage.saved"), false);
        } catch (AccessDeniedException refused) {
            setStatus(getTranslation("attendancePage.refusedLate", Attendance.EDIT_DAYS, unsaved.size()), true);
        } catch (InvalidInputException invalid) {
            FieldProblem p = invalid.problems().getFirst();
            String text = getTranslation(p.messageKey(), p.arguments().toArray());
            setStatus(text + " " + getTranslation("attendancePage.unsaved", unsaved.size()), true);
            invalid.problems().stream().filter(r -> "reason".equals(r.field())).findFirst().ifPresent(r ->
                    askReason(reason == null ? null : getTranslation(r.messageKey(), r.arguments().toArray())));
        } catch (RuntimeException failed) {
            log.warn("Saving attendance of offering {} on {} failed: {}", offeringId.value(), session.getValue(),
                    failed.toString());
            setStatus(getTranslation("attendancePage.failed", unsaved.size()), true);
        }
    }

    private void askReason(String problem) {
        reasonDialog = new LateReasonDialog(Formats.date(session.getValue(), getLocale()), problem, given -> {
            reason = given;
            save();
        });
        reasonDialog.open();
    }

    private void setStatus(String text, boolean failed) {
        status.setText(text);
        status.getStyle().set("color", failed ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        retry.setVisible(failed);
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("attendancePage.title") : getTranslation("attendancePage.titleOf", title);
    }
}
