package org.baeum.reporting.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.TermType;
import org.baeum.reporting.ReportQuery;

/** The report API's query parameters read into a {@link ReportQuery}; a bad value names its parameter. */
final class ReportParameters {

    /** A parameter whose value cannot be used; {@code value} is cut to 60 characters. */
    static final class Invalid extends RuntimeException {
        final String parameter;
        final String value;
        final String messageKey;
        final Object[] arguments;

        Invalid(String parameter, String value, String messageKey, Object... arguments) {
            super("invalid parameter " + parameter);
            this.parameter = parameter;
            this.value = value == null ? "" : value.length() > 60 ? value.substring(0, 60) : value;
            this.messageKey = messageKey;
            this.arguments = arguments;
        }
    }

    private ReportParameters() {
    }

    static ReportQuery query(String from, String to, String branch, String termType, String audience, String domain,
                             String area, String subcategory, Clock clock) {
        int year = LocalDate.now(clock.withZone(Formats.SEOUL)).getYear();
        LocalDate start = date("from", from, LocalDate.of(year, 1, 1));
        LocalDate end = date("to", to, LocalDate.of(year, 12, 31));
        if (end.isBefore(start)) {
            throw new Invalid("to", to, "report.export.api.period", start, end);
        }
        if (!ReportQuery.allowed(start, end)) {
            boolean fromOut = start.getYear() < ReportQuery.FIRST_YEAR || start.getYear() > ReportQuery.LAST_YEAR;
            throw new Invalid(fromOut ? "from" : "to", fromOut ? from : to, "report.export.api.range",
                    Integer.toString(ReportQuery.FIRST_YEAR), Integer.toString(ReportQuery.LAST_YEAR),
                    Integer.toString(ReportQuery.MAX_YEARS));
        }
        return new ReportQuery(start, end, branch(branch), value("termType", termType, TermType::valueOf),
                value("audience", audience, Audience::valueOf), value("domain", domain, PolicyDomain::valueOf),
                value("area", area, LearningArea::valueOf), value("subcategory", subcategory, LearningSubcategory::valueOf));
    }

    /** {@code json} (default), {@code csv}, {@code xlsx} or {@code pdf}. */
    static String format(String format) {
        if (format == null || format.isBlank()) {
            return "json";
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx") && !f.equals("pdf")) {
            throw new Invalid("format", format, "report.export.api.invalid");
        }
        return f;
    }

    static int year(String year, Clock clock) {
        if (year == null || year.isBlank()) {
            return LocalDate.now(clock.withZone(Formats.SEOUL)).getYear();
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException notANumber) {
            // below
        }
        throw new Invalid("year", year, "report.export.api.invalid");
    }

    private static LocalDate date(String name, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(name, text, "report.export.api.invalid");
        }
    }

    private static BranchId branch(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("[A-Za-z0-9_-]{1,40}")) {
            throw new Invalid("branch", text, "report.export.api.invalid");
        }
        return new BranchId(text.strip());
    }

    private static <E> E value(String name, String text, Function<String, E> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(name, text, "report.export.api.invalid");
        }
    }
}
