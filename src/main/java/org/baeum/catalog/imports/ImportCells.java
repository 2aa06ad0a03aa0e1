package org.baeum.catalog.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.baeum.base.domain.FieldProblem;

/**
 * The values of one row as the drafts take them. A cell that cannot be read becomes a problem at its column
 * ({@code catalog.import.badValue} with an example of what fits, or {@code validation.unknown} for a code not in the
 * 코드 sheet) and reads as missing. Dates and times may be typed as text ({@code 2027-03-02}, {@code 09:30},
 * {@code 2027-02-01 10:00}) or as Excel dates.
 */
final class ImportCells {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Map<String, DayOfWeek> KOREAN_DAYS = Map.of("월", DayOfWeek.MONDAY, "화", DayOfWeek.TUESDAY,
            "수", DayOfWeek.WEDNESDAY, "목", DayOfWeek.THURSDAY, "금", DayOfWeek.FRIDAY, "토", DayOfWeek.SATURDAY,
            "일", DayOfWeek.SUNDAY);

    private final ImportWorkbook.SheetRow row;
    final List<FieldProblem> problems = new java.util.ArrayList<>();

    ImportCells(ImportWorkbook.SheetRow row) {
        this.row = row;
    }

    /** A value as text: numbers without a trailing {@code .0}. */
    static String plain(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.toString().strip();
    }

    String text(String key) {
        Object value = row.get(key);
        return value == null ? null : plain(value);
    }

    Integer integer(String key, String example) {
        Long n = number(key, example);
        if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
            return bad(key, example);
        }
        return n == null ? null : n.intValue();
    }

    Long number(String key, String example) {
        Object value = row.get(key);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal n = value instanceof BigDecimal b ? b : new BigDecimal(plain(value).replace(",", ""));
            return n.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return bad(key, example);
        }
    }

    /** Y/N, 예/아니오, TRUE/FALSE; blank is {@code blank}. */
    boolean yesNo(String key, boolean blank) {
        Object value = row.get(key);
        if (value == null) {
            return blank;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = plain(value).toUpperCase(java.util.Locale.ROOT);
        if (List.of("Y", "YES", "TRUE", "예", "O").contains(s)) {
            return true;
        }
        if (List.of("N", "NO", "FALSE", "아니오", "X").contains(s)) {
            return false;
        }
        bad(key, "Y");
        return blank;
    }

    /** A code of the 코드 sheet: the enum's name or its label in Korean or English (any case). */
    <E> E code(String key, Function<String, E> byCode) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        E found = byCode.apply(s);
        if (found == null) {
            problems.add(FieldProblem.of(key, "validation.unknown"));
        }
        return found;
    }

    <E extends Enum<E>> Set<E> codes(String key, Function<String, E> byCode) {
        Set<E> found = new LinkedHashSet<>();
        for (String part : list(key)) {
            E value = byCode.apply(part);
            if (value == null) {
                problems.add(FieldProblem.of(key, "validation.unknown"));
                return Set.of();
            }
            found.add(value);
        }
        return found;
    }

    /** The parts of a list cell, split at commas, middle dots, slashes or spaces. */
    List<String> list(String key) {
        String s = text(key);
        return s == null ? List.of() : java.util.Arrays.stream(s.split("[,·/\\s]+")).filter(p -> !p.isBlank()).toList();
    }

    Set<DayOfWeek> weekdays(String key) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : list(key)) {
            DayOfWeek day = KOREAN_DAYS.get(part);
            if (day == null) {
                try {
                    day = java.util.Arrays.stream(DayOfWeek.values())
                            .filter(d -> d.name().startsWith(part.toUpperCase(java.util.Locale.ROOT)) && part.length() >= 3)
                            .findFirst().orElseThrow();
                } catch (java.util.NoSuchElementException e) {
                    bad(key, "월,수");
                    return Set.of();
                }
            }
            days.add(day);
        }
        return days;
    }

    LocalDate date(String key) {
        Object value = row.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal serial) {
            return serial.scale() <= 0 || serial.stripTrailingZeros().scale() <= 0
                    ? EXCEL_EPOCH.plusDays(serial.longValue()) : bad(key, "2027-03-02");
        }
        try {
            return LocalDate.parse(plain(value).replace('.', '-').replace('/', '-'));
        } catch (DateTimeException e) {
            return bad(key, "2027-03-02");
        }
    }

    LocalTime time(String key) {
        Object value = row.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal fraction) {
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
                return bad(key, "09:30");
            }
            long minutes = fraction.multiply(BigDecimal.valueOf(24 * 60)).setScale(0, RoundingMode.HALF_UP).longValue();
            return LocalTime.of((int) (minutes / 60) % 24, (int) (minutes % 60));
        }
        try {
            return LocalTime.parse(plain(value).length() == 4 ? "0" + plain(value) : plain(value));
        } catch (DateTimeException e) {
            return bad(key, "09:30");
        }
    }

    LocalDateTime dateTime(String key) {
        Object value = row.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal serial) {
            long minutes = serial.multiply(BigDecimal.valueOf(24 * 60)).setScale(0, RoundingMode.HALF_UP).longValue();
            return minutes < 0 ? bad(key, "2027-02-01 10:00") : EXCEL_EPOCH.atStartOfDay().plusMinutes(minutes);
        }
        try {
            String s = plain(value).replace('T', ' ').replace('.', '-').replace('/', '-');
            String[] parts = s.split("\\s+");
            if (parts.length != 2) {
                return bad(key, "2027-02-01 10:00");
            }
            String time = parts[1].length() == 4 ? "0" + parts[1] : parts[1];
            return LocalDateTime.of(LocalDate.parse(parts[0]), LocalTime.parse(time));
        } catch (DateTimeException e) {
            return bad(key, "2027-02-01 10:00");
        }
    }

    boolean has(String key) {
        return row.get(key) != null;
    }

    private <T> T bad(String key, String example) {
        problems.add(FieldProblem.of(key, "catalog.import.badValue", example));
        return null;
    }
}
