package org.baeum.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Place;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingAction;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Program;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.catalog.Room;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One offering in full: schedule with every session date, room and branch, instructor, seats, waiting list,
 * fee and reductions, recruitment dates and method, accessibility, and what other features add below the title
 * ({@link OfferingAction}, e.g. the one enrolment action that applies). Public. The days of the schedule without a
 * class are listed with their reason from the calendar (a holiday, a closure), and a session day that was closed
 * after the class was planned says so.
 * <p>
 * The production bundle loads a route's web components with the route, found from the classes the route refers to.
 * The actions come from Spring beans this class does not name, so {@code @Uses} lists the components they use (a
 * select and a dialog); without it those elements would stay undefined when the page is opened directly.
 */
@Route("catalog/offering/:id")
@AnonymousAllowed
@Uses(Select.class)
@Uses(Dialog.class)
class OfferingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final transient CatalogService catalog;
    private final transient Clock clock;
    private final transient ObjectProvider<OfferingAction> actions;
    private final transient DaysOff daysOff;
    private String title = "";

    OfferingView(CatalogService catalog, Clock clock, ObjectProvider<OfferingAction> actions, DaysOff daysOff) {
        this.catalog = catalog;
        this.clock = clock;
        this.actions = actions;
        this.daysOff = daysOff;
        addClassName("baeum-offering");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Offering> offering = event.getRouteParameters().get("id")
                .filter(id -> id.matches("[A-Za-z0-9_-]{1,100}"))
                .flatMap(id -> catalog.offering(new OfferingId(id)));
        RouterLink back = new RouterLink(getTranslation("offering.back"), CatalogView.class);
        if (offering.isEmpty()) {
            title = getTranslation("offering.notFound");
            add(new H1(title), back);
            return;
        }
        show(offering.get());
        add(back);
    }

    private void show(Offering o) {
        Locale locale = getLocale();
        Program p = o.program();
        title = o.title(locale);
        var status = o.status(clock.instant());
        Span badge = new Span(getTranslation("offeringStatus." + status.name()));
        badge.getElement().getThemeList().add("badge");
        add(new H1(title), badge);
        if (p.description(locale) != null) {
            add(new Paragraph(p.description(locale)));
        }
        actions.orderedStream().map(a -> a.create(o)).flatMap(Optional::stream).forEach(this::add);
        Branch branch = catalog.branches().stream().filter(b -> b.id().equals(p.branchId())).findFirst().orElse(null);
        Room room = branch == null ? null : branch.rooms().stream().filter(r -> r.id().equals(o.roomId())).findFirst().orElse(null);
        String termName = catalog.terms().stream().filter(t -> t.id().equals(o.termId())).map(t -> t.name(locale))
                .findFirst().orElse(o.termId().value());

        DescriptionList facts = new DescriptionList();
        fact(facts, "offering.term", termName);
        fact(facts, "offering.schedule", o.schedule().describe(locale) + " · " + Formats.date(o.schedule().firstDate(), locale)
                + " ~ " + Formats.date(o.schedule().lastDate(), locale));
        fact(facts, "offering.room", (branch == null ? "" : branch.name(locale) + " · ")
                + (room == null ? o.roomId() : room.name(locale))
                + (branch == null ? "" : " (" + branch.address() + ")"));
        fact(facts, "offering.instructor", p.instructors().stream().map(Instructor::name).collect(Collectors.joining(", ")));
        fact(facts, "offering.domain", getTranslation("domain." + p.domain().name()) + " · "
                + getTranslation("audience." + p.audience().name()) + " · " + getTranslation("programKind." + p.kind().name()));
        fact(facts, "catalog.classification", p.classification() == null ? getTranslation("catalog.classification.none")
                : getTranslation("learningArea." + p.classification().area().name())
                + (p.classification().subcategory() == null ? ""
                : " · " + getTranslation("learningSubcategory." + p.classification().subcategory().name())));
        fact(facts, "offering.format", getTranslation("format." + p.format().name()));
        fact(facts, "offering.age", age(p));
        fact(facts, "offering.seats", getTranslation("catalog.seats", o.seatsLeft(), o.capacity()));
        fact(facts, "offering.waitlist", Integer.toString(o.waitlistLength()));
        fact(facts, "offering.fee", p.fee() == 0 ? getTranslation("catalog.free") : Formats.won(p.fee(), locale));
        facts.add(new DescriptionList.Term(getTranslation("offering.recruitment")),
                new DescriptionList.Description(recruitment(o.recruitment(), locale)));
        fact(facts, "offering.accessibility", p.accessibility().isEmpty() ? getTranslation("offering.accessibilityNone")
                : p.accessibility().stream().sorted().map(a -> getTranslation("accessibility." + a.name()))
                        .collect(Collectors.joining(", ")));
        p.whatToBring(locale).ifPresent(items -> fact(facts, "offering.whatToBring", items));
        add(facts);
        String note = "en".equals(locale.getLanguage()) && p.accessibilityNoteEn() != null ? p.accessibilityNoteEn()
                : p.accessibilityNoteKo();
        if (note != null && !note.isBlank()) {
            add(new Paragraph(note));
        }
        if (p.fee() > 0) {
            add(new Paragraph(getTranslation(p.feeReductionsApply() ? "offering.reductions" : "offering.noReductions")));
        }
        Map<LocalDate, DayOff> off = daysOff(o);
        UnorderedList dates = new UnorderedList();
        dates.addClassName("baeum-session-dates");
        o.sessionDates().forEach(d -> dates.add(new ListItem(Formats.date(d, locale) + " "
                + o.schedule().startTime() + "–" + o.schedule().endTime()
                + (off.containsKey(d) ? " · " + why(off.get(d)) : ""))));
        Details sessions = new Details(getTranslation("offering.sessions", o.sessionDates().size()), dates);
        sessions.setOpened(o.sessionDates().size() <= 30);
        add(sessions);
        UnorderedList skipped = new UnorderedList();
        skipped.addClassName("baeum-days-off");
        off.entrySet().stream().filter(e -> !o.sessionDates().contains(e.getKey()))
                .forEach(e -> skipped.add(new ListItem(Formats.date(e.getKey(), locale) + " · " + why(e.getValue()))));
        if (skipped.getComponentCount() > 0) {
            add(new Details(getTranslation("offering.daysOff", skipped.getComponentCount()), skipped));
        }
    }

    /** The schedule's days that the calendar has off for the offering's room, with why; none when it cannot say. */
    private Map<LocalDate, DayOff> daysOff(Offering o) {
        Map<LocalDate, DayOff> off = new LinkedHashMap<>();
        DaysOffCalendar calendar = daysOff.between(o.schedule().firstDate(), o.schedule().lastDate());
        Place place = Place.room(o.program().branchId().value(), o.roomId());
        for (LocalDate day : o.schedule().candidateDates()) {
            if (calendar.covers(day)) {
                calendar.dayOff(day, place).ifPresent(d -> off.put(day, d));
            }
        }
        return off;
    }

    private String why(DayOff off) {
        return off.kind() == DayOff.Kind.HOLIDAY ? getTranslation("offering.dayOff.holiday", off.reason(getLocale()))
                : getTranslation("offering.dayOff.closure", getTranslation("closure.scope." + off.scope().name()),
                        off.reason(getLocale()));
    }

    /** One phase: its window and method. Several: one line each, the one open now (or opening next) marked. */
    private Component recruitment(Recruitment r, Locale locale) {
        Instant now = clock.instant();
        if (!r.isPhased()) {
            return new Span(getTranslation("offering.recruitmentWindow", Formats.dateTime(r.opensAt(), locale),
                    Formats.dateTime(r.closesAt(), locale), getTranslation("recruitment.method." + r.method(now).name())));
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("baeum-recruitment-phases");
        RecruitmentPhase current = r.current(now);
        for (int i = 0; i < r.phases().size(); i++) {
            RecruitmentPhase p = r.phases().get(i);
            String text = getTranslation("offering.phase", i + 1, getTranslation("recruitment.phase." + p.method().name()),
                    Formats.dateTime(p.opensAt(), locale), Formats.dateTime(p.closesAt(), locale));
            if (p.equals(current) && now.isBefore(p.closesAt())) {
                text += " (" + getTranslation(p.isOpen(now) ? "offering.phaseOpen" : "offering.phaseNext") + ")";
            }
            list.add(new ListItem(text));
        }
        return list;
    }

    private String age(Program p) {
        if (p.minAge() != null && p.maxAge() != null) {
            return getTranslation("offering.ageRange", p.minAge(), p.maxAge());
        }
        if (p.minAge() != null) {
            return getTranslation("offering.ageFrom", p.minAge());
        }
        if (p.maxAge() != null) {
            return getTranslation("offering.ageTo", p.maxAge());
        }
        return getTranslation("offering.ageAny");
    }

    private void fact(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }


    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
