package org.baeum.attendance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.TaughtOffering;
import org.baeum.attendance.completion.CompletionDue;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;

/**
 * The instructor's home (issue 16, point 1): today's sessions first (Asia/Seoul), then the classes they teach now,
 * each opening its attendance page. STAFF and ADMIN may open it too, but their way to every class is the desk.
 */
@Route("instructor")
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 50, title = "nav.instructorHome", icon = "vaadin:academy-cap")
class InstructorHomeView extends VerticalLayout implements HasDynamicTitle {

    final UnorderedList today = new UnorderedList();
    final UnorderedList classes = new UnorderedList();

    InstructorHomeView(Attendance attendance, CurrentUser currentUser, Clock clock, CompletionDue completionDue) {
        addClassName("baeum-instructor-home");
        add(new H1(getTranslation("instructorHome.title")));
        if (!currentUser.hasRole(Role.INSTRUCTOR)) {
            add(new Paragraph(getTranslation("instructorHome.staff")),
                    new Anchor("staff/enrollments", getTranslation("instructorHome.toDesk")));
            return;
        }
        add(new DueCompletionsSection(completionDue));
        LocalDate day = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<TaughtOffering> mine = attendance.myOfferings();
        List<TaughtOffering> now = mine.stream().filter(t -> t.sessions().contains(day)).toList();
        now.forEach(t -> today.add(new ListItem(link(t))));
        mine.forEach(t -> classes.add(new ListItem(link(t), new Paragraph(sessions(t, day)))));
        add(new Section(new H2(getTranslation("instructorHome.today", Formats.date(day, getLocale()))),
                now.isEmpty() ? new Paragraph(getTranslation("instructorHome.noneToday")) : today));
        add(new Section(new H2(getTranslation("instructorHome.classes")),
                mine.isEmpty() ? new Paragraph(getTranslation("instructorHome.noneTaught")) : classes));
    }

    private Anchor link(TaughtOffering t) {
        Anchor a = new Anchor(AttendanceView.path(t.offering().id()), t.offering().title(getLocale()));
        a.addClassName("baeum-instructor-class");
        a.getStyle().set("display", "inline-block").set("min-height", "44px").set("line-height", "44px");
        return a;
    }

    private String sessions(TaughtOffering t, LocalDate day) {
        if (t.sessions().isEmpty()) {
            return getTranslation("instructorHome.noSessions");
        }
        long held = t.sessions().stream().filter(d -> !d.isAfter(day)).count();
        return getTranslation("instructorHome.sessions", Formats.date(t.sessions().getFirst(), getLocale()),
                Formats.date(t.sessions().getLast(), getLocale()), held, t.sessions().size());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("instructorHome.title");
    }
}
