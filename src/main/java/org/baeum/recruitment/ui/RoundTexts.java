package org.baeum.recruitment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Offering;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundPhase;

/**
 * What the citizens' round pages share: the status badge (words, never colour alone), the phases as a timeline in
 * Asia/Seoul with the one running now named, and an offering's short label (title, weekday and time).
 */
final class RoundTexts {

    private RoundTexts() {
    }

    static Locale locale(Component c) {
        com.vaadin.flow.component.UI ui = c.getUI().orElseGet(com.vaadin.flow.component.UI::getCurrent);
        return ui == null ? Locale.KOREAN : ui.getLocale();
    }

    /** The round's status as a Lumo badge: {@code 신청 중}, {@code 추첨 완료}, … */
    static Span status(Component page, Round round) {
        Span badge = new Span(page.getTranslation("round.status." + round.status().name()));
        badge.getElement().getThemeList().add("badge " + switch (round.status()) {
            case OPEN -> "success";
            case DRAWING, DRAWN -> "contrast";
            default -> "";
        });
        badge.addClassName("baeum-round-status");
        return badge;
    }

    /** The phases in order, one line each: kind, opens ~ closes, and whether it runs now or has ended. */
    static OrderedList timeline(Component page, Round round, Instant now) {
        OrderedList list = new OrderedList();
        list.addClassName("baeum-round-phases");
        for (RoundPhase p : round.phases()) {
            String text = phase(page, p);
            if (p.openAt(now)) {
                text += " (" + page.getTranslation("rounds.phase.now") + ")";
            } else if (!now.isBefore(p.closesAt())) {
                text += " (" + page.getTranslation("rounds.phase.ended") + ")";
            }
            list.add(new ListItem(text));
        }
        return list;
    }

    static String phase(Component page, RoundPhase p) {
        Locale locale = locale(page);
        return page.getTranslation("rounds.phase", page.getTranslation("round.phaseKind." + p.kind().name()),
                Formats.dateTime(p.opensAt(), locale), Formats.dateTime(p.closesAt(), locale));
    }

    /** The time the draw's result is announced: the lottery phase's close (the draw runs a minute later). */
    static String announced(Component page, Round round) {
        return Formats.dateTime(round.lottery().closesAt(), locale(page));
    }

    /** {@code 자유형 초급 · 화·목 10:00–11:00}; the id when the catalog no longer has the offering. */
    static String offering(Component page, Optional<Offering> offering, String id) {
        return offering.map(o -> o.title(locale(page)) + " · " + o.schedule().describe(locale(page))).orElse(id);
    }

    /** A link inside a sentence, told apart by more than its colour. */
    static Anchor link(String href, String text) {
        Anchor a = new Anchor(href, text);
        a.getStyle().set("text-decoration", "underline");
        return a;
    }
}
