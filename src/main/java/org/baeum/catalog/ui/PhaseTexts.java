package org.baeum.catalog.ui;

import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Locales;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentPhase;

/** Recruitment phases in words, e.g. "1차 추첨 신청 12.1–12.5 · 2차 선착순 12.8–12.12", for the catalog's screens. */
final class PhaseTexts {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private PhaseTexts() {
    }

    /** Every phase on one line, with short dates; one phase without its number. */
    static String summary(Component c, Locale requested, Recruitment recruitment) {
        Locale locale = Locales.supported(requested);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(locale.equals(Locales.KOREAN) ? "M.d" : "MMM d", locale)
                .withZone(SEOUL);
        List<String> parts = new ArrayList<>();
        List<RecruitmentPhase> phases = recruitment.phases();
        for (int i = 0; i < phases.size(); i++) {
            RecruitmentPhase p = phases.get(i);
            String name = c.getTranslation("recruitment.phase." + p.method().name());
            String from = day.format(p.opensAt());
            String to = day.format(lastDay(p.closesAt()));
            parts.add(phases.size() == 1 ? c.getTranslation("recruitment.singleShort", name, from, to)
                    : c.getTranslation("recruitment.phaseShort", i + 1, name, from, to));
        }
        return String.join(" · ", parts);
    }

    /** A phase closing at midnight ends on the day before, as people say it. */
    static Instant lastDay(Instant closesAt) {
        boolean midnight = closesAt.atZone(SEOUL).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        return midnight ? closesAt.minusSeconds(1) : closesAt;
    }
}
