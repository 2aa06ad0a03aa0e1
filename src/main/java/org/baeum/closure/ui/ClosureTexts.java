package org.baeum.closure.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.baeum.base.i18n.Formats;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.ClosureScope;
import org.baeum.closure.ClosureRequest;

/**
 * The words the closure screens share: a place's name with its branch, what a closure closes ("강의실: 본관 ·
 * 평생학습실 1"), a period of days with its hours. Built per page from {@code DaysOff.places()} and the page's locale.
 */
final class ClosureTexts {

    private final List<ClosablePlace> places;
    private final Supplier<Locale> locale;
    private final Component page;

    /** {@code locale} is the page's {@code getLocale} (protected in {@link Component}). */
    ClosureTexts(List<ClosablePlace> places, Component page, Supplier<Locale> locale) {
        this.places = List.copyOf(places);
        this.page = page;
        this.locale = locale;
    }

    List<ClosablePlace> places(ClosureScope scope) {
        return places.stream().filter(p -> p.scope() == scope).toList();
    }

    private Locale locale() {
        return locale.get();
    }

    private String t(String key, Object... arguments) {
        return page.getTranslation(key, arguments);
    }

    /** A place's name, with its branch for a room or a facility. */
    String name(ClosablePlace place) {
        if (place.scope() == ClosureScope.BRANCH) {
            return place.name(locale());
        }
        return places.stream().filter(p -> p.scope() == ClosureScope.BRANCH && p.id().equals(place.branchId()))
                .findFirst().map(b -> b.name(locale()) + " · ").orElse("") + place.name(locale());
    }

    /** What is closed, e.g. "강의실: 본관 · 평생학습실 2"; a place that is gone shows its id. */
    String where(ClosureScope scope, String targetId) {
        String kind = t("closure.scope." + scope.name());
        if (scope == ClosureScope.ALL) {
            return kind;
        }
        String place = places.stream().filter(p -> p.scope() == scope && p.id().equals(targetId))
                .findFirst().map(this::name).orElse(targetId);
        return kind + ": " + place;
    }

    String where(ClosureRequest request) {
        return where(scope(request), target(request));
    }

    static ClosureScope scope(ClosureRequest request) {
        if (request.facilityId() != null) {
            return ClosureScope.FACILITY;
        }
        if (request.roomId() != null) {
            return ClosureScope.ROOM;
        }
        return request.branchId() != null ? ClosureScope.BRANCH : ClosureScope.ALL;
    }

    static String target(ClosureRequest request) {
        return switch (scope(request)) {
            case ALL -> null;
            case BRANCH -> request.branchId();
            case ROOM -> request.roomId();
            case FACILITY -> request.facilityId();
        };
    }

    String date(LocalDate day) {
        return Formats.date(day, locale());
    }

    /** "2026. 12. 9. (수) ~ 2026. 12. 10. (목)", one date when both are the same, with the hours when given. */
    String period(LocalDate first, LocalDate last, LocalTime from, LocalTime to) {
        String days = first.equals(last) ? date(first) : date(first) + " ~ " + date(last);
        return from == null || to == null ? days : days + " " + t("closure.ui.hours", from.toString(), to.toString());
    }

    String period(ClosureRequest request) {
        return period(request.firstDay(), request.lastDay(), request.fromTime(), request.toTime());
    }

    /** "14:00–16:00". */
    static String time(LocalTime start, LocalTime end) {
        return start + "–" + end;
    }

    String reason(ClosureRequest request) {
        return "en".equals(locale().getLanguage()) ? request.reasonEn() : request.reasonKo();
    }

    String won(long amount) {
        return Formats.won(amount, locale());
    }
}
