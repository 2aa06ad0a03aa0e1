package org.baeum.calendar.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.baeum.calendar.Holiday;
import org.baeum.calendar.HolidayCalendar;

/**
 * Official South Korean public holidays (관공서의 공휴일에 관한 규정), including lunar holidays, substitute
 * holidays (대체공휴일) and election days, read from a CSV table.
 *
 * <p>The bundled table is the classpath resource {@value #BUNDLED_RESOURCE}; use {@link #bundled()}.
 * Its lines are {@code date,nameKo,nameEn} with an ISO-8601 date; blank lines, lines starting with {@code #}
 * and a {@code date,nameKo,nameEn} header line are ignored. Duplicate dates are rejected.
 *
 * <p>A year is <em>covered</em> when the table has at least one entry in it; the table must therefore always
 * list complete years. Queries about a date outside the covered years throw {@link IllegalArgumentException}
 * instead of silently answering "not a holiday"; check {@link #covers(LocalDate)} first.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KoreanPublicHolidays implements HolidayCalendar {

    /** Classpath location of the bundled holiday table. */
    public static final String BUNDLED_RESOURCE = "/org/baeum/calendar/korean-public-holidays.csv";

    private static final String HEADER = "date,nameKo,nameEn";

    private final NavigableMap<LocalDate, Holiday> byDate;
    private final Set<Integer> coveredYears;

    private KoreanPublicHolidays(NavigableMap<LocalDate, Holiday> byDate) {
        this.byDate = Collections.unmodifiableNavigableMap(byDate);
        SortedSet<Integer> years = new TreeSet<>();
        byDate.keySet().forEach(d -> years.add(d.getYear()));
        this.coveredYears = Collections.unmodifiableSortedSet(years);
    }

    /**
     * Returns the holidays of the bundled table, loaded once and shared.
     *
     * @return the shared instance
     * @throws IllegalStateException if the resource is missing or malformed
     */
    public static KoreanPublicHolidays bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Parses a holiday table from a stream (UTF-8). The stream is not closed.
     *
     * @param in         the CSV content
     * @param sourceName name used in error messages, e.g. a file name
     * @return the parsed holidays
     * @throws IllegalStateException if a line is malformed or a date is listed twice
     * @throws UncheckedIOException  if reading fails
     */
    public static KoreanPublicHolidays parse(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), sourceName);
    }

    /**
     * Parses a holiday table from a reader. The reader is not closed.
     *
     * @param reader     the CSV content
     * @param sourceName name used in error messages, e.g. a file name
     * @return the parsed holidays
     * @throws IllegalStateException if a line is malformed or a date is listed twice
     * @throws UncheckedIOException  if reading fails
     */
    public static KoreanPublicHolidays parse(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        NavigableMap<LocalDate, Holiday> byDate = new TreeMap<>();
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            String line;
            int lineNo = 0;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                String trimmed = stripBom(line).strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equalsIgnoreCase(HEADER)) {
                    continue;
                }
                Holiday holiday = parseLine(trimmed, sourceName, lineNo);
                Holiday previous = byDate.putIfAbsent(holiday.date(), holiday);
                if (previous != null) {
                    throw new IllegalStateException(sourceName + ":" + lineNo + ": duplicate date "
                            + holiday.date() + " (already listed as " + previous.nameKo() + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read holiday table " + sourceName, e);
        }
        return new KoreanPublicHolidays(byDate);
    }

    private static Holiday parseLine(String line, String sourceName, int lineNo) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw new IllegalStateException(sourceName + ":" + lineNo
                    + ": expected 3 fields 'date,nameKo,nameEn' but found " + fields.length + ": " + line);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields[0].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(sourceName + ":" + lineNo + ": invalid ISO date '" + fields[0] + "'", e);
        }
        try {
            return new Holiday(date, fields[1].strip(), fields[2].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(sourceName + ":" + lineNo + ": " + e.getMessage(), e);
        }
    }

    private static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /**
     * Tells whether the given date is a public holiday.
     *
     * @param date a covered date
     * @return {@code true} if it is a public holiday
     * @throws IllegalArgumentException if the date's year is not covered
     */
    public boolean isHoliday(LocalDate date) {
        return holiday(date).isPresent();
    }

    /**
     * Returns the holiday on the given date.
     *
     * @param date a covered date
     * @return the holiday, or empty if the date is an ordinary day
     * @throws IllegalArgumentException if the date's year is not covered
     */
    @Override
    public Optional<Holiday> holiday(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(byDate.get(date));
    }

    /**
     * Lists the holidays between two dates, both inclusive, in ascending order.
     *
     * @param fromInclusive first date, in a covered year
     * @param toInclusive   last date, in a covered year, not before {@code fromInclusive}
     * @return an immutable list of holidays
     * @throws IllegalArgumentException if {@code toInclusive} is before {@code fromInclusive} or a year in the
     *                                  range is not covered
     */
    public List<Holiday> between(LocalDate fromInclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromInclusive)) {
            throw new IllegalArgumentException(
                    "toInclusive " + toInclusive + " is before fromInclusive " + fromInclusive);
        }
        for (int year = fromInclusive.getYear(); year <= toInclusive.getYear(); year++) {
            if (!coveredYears.contains(year)) {
                throw notCovered(year);
            }
        }
        return List.copyOf(byDate.subMap(fromInclusive, true, toInclusive, true).values());
    }

    /**
     * The years for which this table has holiday data.
     *
     * @return an immutable set, iterated in ascending order
     */
    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    /**
     * Tells whether the given date's year is covered by this table.
     *
     * @param date any date, not {@code null}
     * @return {@code true} if queries about {@code date} are answered reliably
     */
    @Override
    public boolean covers(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return coveredYears.contains(date.getYear());
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw notCovered(date.getYear());
        }
    }

    private IllegalArgumentException notCovered(int year) {
        return new IllegalArgumentException("No Korean public-holiday data for year " + year
                + " (covered years: " + coveredYears + ")");
    }

    @Override
    public String toString() {
        return "KoreanPublicHolidays" + coveredYears + " (" + byDate.size() + " holidays)";
    }

    /** Lazy holder for the bundled table. */
    private static final class Bundled {
        static final KoreanPublicHolidays INSTANCE = load();

        private static KoreanPublicHolidays load() {
            try (InputStream in = KoreanPublicHolidays.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + BUNDLED_RESOURCE);
                }
                return parse(in, BUNDLED_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + BUNDLED_RESOURCE, e);
            }
        }
    }
}
