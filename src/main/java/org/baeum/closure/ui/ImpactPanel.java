package org.baeum.closure.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.baeum.base.i18n.Formats;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosureImpact.BookingHit;
import org.baeum.closure.ClosureImpact.ClubSlotHit;
import org.baeum.closure.ClosureImpact.OfferHit;
import org.baeum.closure.ClosureImpact.SessionHit;
import org.baeum.closure.SessionChoice;

/**
 * A closure's impact in sections, each with its heading and count: the class sessions per offering (with STAFF's
 * choice, the refund per person or the make-up dates), the bookings cancelled, the club slots cancelled, the offers
 * whose deadline moves, and how many people are mailed. With {@code onChoice} each offering gets a labelled choice
 * (the preview); without, the stored choice is shown as text (a declared plan).
 */
class ImpactPanel extends VerticalLayout {

    private final ClosureTexts texts;
    /** The choice per offering shown, for tests and the confirm check. */
    final Map<String, RadioButtonGroup<SessionChoice>> choices = new LinkedHashMap<>();

    /** Per offering, what its choice changes (dates, make-up dates, refund): redrawn in place on {@link #update}. */
    private final Map<String, Div> outcomes = new LinkedHashMap<>();
    private final Div rest = new Div();
    private boolean updating;

    ImpactPanel(ClosureImpact impact, ClosureTexts texts, BiConsumer<String, SessionChoice> onChoice) {
        this.texts = texts;
        addClassName("baeum-closure-impact");
        setPadding(false);
        rest.setWidthFull();
        add(sessions(impact.sessions(), onChoice), rest);
        others(impact);
    }

    /**
     * Shows a new preview of the same offerings (a choice changed) without redrawing the choices, so the keyboard
     * focus stays where it was.
     *
     * @return false when the offerings differ and the caller must draw a new panel
     */
    boolean update(ClosureImpact impact) {
        Map<String, List<SessionHit>> grouped = perOffering(impact.sessions());
        if (!grouped.keySet().equals(outcomes.keySet())) {
            return false;
        }
        grouped.forEach((offeringId, hits) -> {
            outcome(outcomes.get(offeringId), hits);
            RadioButtonGroup<SessionChoice> group = choices.get(offeringId);
            if (group != null && !Objects.equals(group.getValue(), hits.getFirst().choice())) {
                updating = true;
                try {
                    group.setValue(hits.getFirst().choice());
                } finally {
                    updating = false;
                }
            }
        });
        others(impact);
        return true;
    }

    private void others(ClosureImpact impact) {
        rest.removeAll();
        rest.add(bookings(impact.bookings()), clubSlots(impact.clubSlots()), offers(impact.offers()),
                people(impact.people()));
    }

    /** The hits grouped per offering, in the order the impact lists them. */
    static Map<String, List<SessionHit>> perOffering(List<SessionHit> sessions) {
        Map<String, List<SessionHit>> grouped = new LinkedHashMap<>();
        sessions.forEach(s -> grouped.computeIfAbsent(s.offeringId(), k -> new java.util.ArrayList<>()).add(s));
        return grouped;
    }

    /** Whether every offering hit has a choice. */
    static boolean everyOfferingChosen(ClosureImpact impact) {
        return impact.sessions().stream().allMatch(s -> s.choice() != null);
    }

    private Section sessions(List<SessionHit> sessions, BiConsumer<String, SessionChoice> onChoice) {
        Map<String, List<SessionHit>> grouped = perOffering(sessions);
        Section section = section("closure.ui.impact.sessions", sessions.size(), grouped.size());
        if (sessions.isEmpty()) {
            section.add(new Paragraph(t("closure.ui.impact.sessions.none")));
            return section;
        }
        if (onChoice != null) {
            section.add(new Paragraph(t("closure.ui.impact.sessions.choose")));
        }
        grouped.forEach((offeringId, hits) -> section.add(offering(offeringId, hits, onChoice)));
        return section;
    }

    private Section offering(String offeringId, List<SessionHit> hits, BiConsumer<String, SessionChoice> onChoice) {
        SessionHit first = hits.getFirst();
        Section offering = new Section(new H3(first.title()));
        offering.addClassName("baeum-closure-offering");
        int participants = hits.stream().mapToInt(SessionHit::participants).max().orElse(0);
        offering.add(new Paragraph(t("closure.ui.impact.participants", participants, hits.size())));
        SessionChoice choice = first.choice();
        if (onChoice != null) {
            RadioButtonGroup<SessionChoice> group = new RadioButtonGroup<>(t("closure.ui.choice.label", first.title()));
            group.setItems(SessionChoice.values());
            group.setItemLabelGenerator(c -> t("closure.ui.choice." + c.name()));
            group.setValue(choice);
            group.setRequiredIndicatorVisible(true);
            group.addValueChangeListener(e -> {
                if (e.getValue() != null && !updating) {
                    onChoice.accept(offeringId, e.getValue());
                }
            });
            choices.put(offeringId, group);
            offering.add(group);
        } else {
            offering.add(new Paragraph(t("closure.ui.choice.stored", choice == null
                    ? t("closure.ui.choice.none") : t("closure.ui.choice." + choice.name()))));
        }
        Div outcome = new Div();
        outcome(outcome, hits);
        outcomes.put(offeringId, outcome);
        offering.add(outcome);
        return offering;
    }

    private void outcome(Div outcome, List<SessionHit> hits) {
        outcome.removeAll();
        UnorderedList dates = new UnorderedList();
        dates.getElement().setAttribute("aria-label", t("closure.ui.impact.dates", hits.getFirst().title()));
        hits.forEach(h -> dates.add(new ListItem(session(h))));
        outcome.add(dates);
        long refund = refundPerPerson(hits);
        SessionChoice choice = hits.getFirst().choice();
        if (choice == SessionChoice.CANCEL || choice == SessionChoice.MOVE && refund > 0) {
            outcome.add(new Paragraph(t("closure.ui.impact.refund", texts.won(refund))));
        }
    }

    /**
     * What a participant who paid in full gets back for the offering's sessions that are not held: every cancelled
     * hit carries the offering's whole amount (a moved one 0; one without a make-up date is cancelled instead).
     */
    static long refundPerPerson(List<SessionHit> hits) {
        return hits.stream().mapToLong(SessionHit::refund).max().orElse(0);
    }

    /** One session: its day and hours, and where it moves to when moved. */
    private String session(SessionHit hit) {
        String when = texts.date(hit.date()) + " " + ClosureTexts.time(hit.start(), hit.end());
        if (hit.choice() != SessionChoice.MOVE) {
            return when;
        }
        return hit.makeUp() == null ? t("closure.ui.impact.noMakeUp", when)
                : t("closure.ui.impact.makeUp", when, texts.date(hit.makeUp()));
    }

    private Section bookings(List<BookingHit> bookings) {
        Section section = section("closure.ui.impact.bookings", bookings.size());
        if (bookings.isEmpty()) {
            section.add(new Paragraph(t("closure.ui.impact.bookings.none")));
            return section;
        }
        Grid<BookingHit> grid = grid("closure.ui.impact.bookings.grid");
        grid.addColumn(BookingHit::bookable).setHeader(t("closure.ui.column.resource")).setFlexGrow(1);
        grid.addColumn(b -> texts.date(b.date())).setHeader(t("closure.ui.column.date")).setAutoWidth(true);
        grid.addColumn(b -> ClosureTexts.time(b.start(), b.end())).setHeader(t("closure.ui.column.time"))
                .setAutoWidth(true);
        grid.addColumn(BookingHit::person).setHeader(t("closure.ui.column.person")).setAutoWidth(true);
        grid.setItems(bookings);
        section.add(grid);
        return section;
    }

    private Section clubSlots(List<ClubSlotHit> slots) {
        Section section = section("closure.ui.impact.clubs", slots.size());
        if (slots.isEmpty()) {
            section.add(new Paragraph(t("closure.ui.impact.clubs.none")));
            return section;
        }
        Grid<ClubSlotHit> grid = grid("closure.ui.impact.clubs.grid");
        grid.addColumn(ClubSlotHit::club).setHeader(t("closure.ui.column.club")).setFlexGrow(1);
        grid.addColumn(c -> texts.date(c.date())).setHeader(t("closure.ui.column.date")).setAutoWidth(true);
        grid.addColumn(c -> ClosureTexts.time(c.start(), c.end())).setHeader(t("closure.ui.column.time"))
                .setAutoWidth(true);
        grid.setItems(slots);
        section.add(grid);
        return section;
    }

    private Section offers(List<OfferHit> offers) {
        Section section = section("closure.ui.impact.offers", offers.size());
        if (offers.isEmpty()) {
            section.add(new Paragraph(t("closure.ui.impact.offers.none")));
            return section;
        }
        Grid<OfferHit> grid = grid("closure.ui.impact.offers.grid");
        grid.addColumn(OfferHit::title).setHeader(t("closure.ui.column.offering")).setFlexGrow(1);
        grid.addColumn(o -> Formats.dateTime(o.deadline(), getLocale())).setHeader(t("closure.ui.column.oldDeadline"))
                .setAutoWidth(true);
        grid.addColumn(o -> Formats.dateTime(o.newDeadline(), getLocale()))
                .setHeader(t("closure.ui.column.newDeadline")).setAutoWidth(true);
        grid.setItems(offers);
        section.add(grid);
        return section;
    }

    private Section people(int people) {
        Section section = new Section(new H2(t("closure.ui.impact.mail")));
        section.add(new Paragraph(t("closure.ui.impact.people", people)));
        return section;
    }

    private Section section(String key, Object... counts) {
        Section section = new Section(new H2(t(key, counts)));
        section.setWidthFull();
        return section;
    }

    private <T> Grid<T> grid(String labelKey) {
        Grid<T> grid = new Grid<>();
        grid.setAriaLabel(t(labelKey));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String t(String key, Object... arguments) {
        return getTranslation(key, arguments);
    }
}
