package org.baeum.booking.club.ui;

import com.vaadin.flow.component.Component;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import org.baeum.base.i18n.Formats;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.Clash;
import org.baeum.booking.club.ClubSeries;

/** How the club pages say a series and a clash, alike on the citizen's and STAFF's page. */
final class SeriesTexts {

    private SeriesTexts() {
    }

    /** "매주 화요일 14:00–16:00 · 학습동아리방 · 2026. 12. 8. ~ 2027. 5. 25." */
    static String describe(Component page, ClubSeries s, Bookables bookables) {
        Locale locale = locale(page);
        String room = bookables.bookable(s.bookableId()).map(b -> b.name(locale)).orElse(s.bookableId());
        return every(page, s.weekday(), s.start(), s.end()) + " · " + room + " · "
                + Formats.date(s.firstDay(), locale) + " ~ " + Formats.date(s.lastDay(), locale);
    }

    static Locale locale(Component page) {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui != null ? ui.getLocale() : Locale.KOREAN;
    }

    static String every(Component page, DayOfWeek weekday, LocalTime start, LocalTime end) {
        return page.getTranslation("club.series.every", weekday.getDisplayName(TextStyle.FULL, locale(page)),
                start.toString(), end.toString());
    }

    /** "2027. 1. 5.: 수업 — 수채화 기초 14:00–16:00" */
    static String clash(Component page, Clash c) {
        return Formats.date(c.date(), locale(page)) + ": " + page.getTranslation("club.clash." + c.kind().name())
                + " — " + c.reason(locale(page));
    }

    /**
     * The other clubs' series that want the same room at overlapping hours, per club: "합창 동아리 14:00–16:00 (승인됨):
     * 3일 — 2027. 1. 5., 2027. 1. 12., 2027. 1. 19." (decision 0047); empty when none.
     */
    static String competing(Component page, ClubSeries s) {
        Locale locale = locale(page);
        java.util.Map<String, java.util.List<Clash>> byOther = new java.util.LinkedHashMap<>();
        s.competing().forEach(c -> byOther.computeIfAbsent(c.reason(locale) + "|" + c.kind(), k -> new java.util.ArrayList<>())
                .add(c));
        return byOther.values().stream().map(days -> days.getFirst().reason(locale) + " ("
                        + page.getTranslation("club.clash." + days.getFirst().kind().name()) + "): "
                        + page.getTranslation("club.series.competingDays", days.size()) + " — "
                        + days.stream().map(c -> Formats.date(c.date(), locale)).reduce((a, b) -> a + ", " + b).orElse(""))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** What happened to the series' days: placed, not placed (with why) and skipped. */
    static String outcome(Component page, ClubSeries s) {
        StringBuilder text = new StringBuilder(page.getTranslation("club.series.placed", s.placed().size()));
        if (!s.notPlaced().isEmpty()) {
            text.append(" · ").append(page.getTranslation("club.series.notPlaced", s.notPlaced().entrySet().stream()
                    .map(e -> Formats.date(e.getKey(), locale(page)) + " ("
                            + page.getTranslation("club.refusal." + e.getValue()) + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("")));
        }
        if (!s.skipped().isEmpty()) {
            text.append(" · ").append(page.getTranslation("club.series.skipped", s.skipped().size()));
        }
        return text.toString();
    }
}
