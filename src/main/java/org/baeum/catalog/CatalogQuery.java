package org.baeum.catalog;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A catalog search: every filter optional. The same parameter names serve the URL of the catalog page (so a
 * search can be shared or bookmarked) and the public API: {@code q, domain, audience, branch, weekday, time,
 * term, free, format, age, seats, sort, page, size}.
 */
public record CatalogQuery(String text, PolicyDomain domain, Audience audience, BranchId branch, DayOfWeek weekday,
                           TimeOfDay timeOfDay, TermId term, Boolean free, DeliveryFormat format, Integer age,
                           boolean seatsLeftOnly, CatalogSort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /**
     * The most results skipped to reach a page ({@code page × size}): deeper pages are refused. Nobody pages through
     * ten thousand classes, and the bound keeps {@code page × size} far from an {@code int} overflow.
     */
    public static final int MAX_OFFSET = 10_000;

    public CatalogQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) {
            throw new InvalidQueryException("q", text.substring(0, 20) + "…");
        }
        if (age != null && (age < 0 || age > 130)) {
            throw new InvalidQueryException("age", age.toString());
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size", Integer.toString(size));
        }
        if (page < 0 || page > lastPage(size)) {
            throw new InvalidQueryException("page", Integer.toString(page));
        }
        sort = sort == null ? CatalogSort.STARTING_SOON : sort;
    }

    /** The deepest page that may be asked for with this page size ({@link #MAX_OFFSET}). */
    public static int lastPage(int size) {
        return MAX_OFFSET / size;
    }

    public static CatalogQuery all() {
        return new CatalogQuery(null, null, null, null, null, null, null, null, null, null, false, null, 0, DEFAULT_SIZE);
    }

    public CatalogQuery withPage(int newPage, int newSize) {
        return new CatalogQuery(text, domain, audience, branch, weekday, timeOfDay, term, free, format, age,
                seatsLeftOnly, sort, newPage, newSize);
    }

    /** Reads the query from URL or API parameters; an unknown value is an {@link InvalidQueryException}. */
    public static CatalogQuery parse(Map<String, List<String>> parameters) {
        Function<String, String> one = name -> {
            List<String> values = parameters.get(name);
            return values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()
                    ? null : values.getFirst().strip();
        };
        return new CatalogQuery(one.apply("q"),
                enumValue("domain", one.apply("domain"), PolicyDomain.class),
                enumValue("audience", one.apply("audience"), Audience.class),
                one.apply("branch") == null ? null : new BranchId(checkedId("branch", one.apply("branch"))),
                enumValue("weekday", one.apply("weekday"), DayOfWeek.class),
                enumValue("time", one.apply("time"), TimeOfDay.class),
                one.apply("term") == null ? null : new TermId(checkedId("term", one.apply("term"))),
                bool("free", one.apply("free")),
                enumValue("format", one.apply("format"), DeliveryFormat.class),
                integer("age", one.apply("age")),
                Boolean.TRUE.equals(bool("seats", one.apply("seats"))),
                enumValue("sort", one.apply("sort"), CatalogSort.class),
                integer("page", one.apply("page")) == null ? 0 : integer("page", one.apply("page")),
                integer("size", one.apply("size")) == null ? DEFAULT_SIZE : integer("size", one.apply("size")));
    }

    /** The parameters that reproduce this query, without defaults (for URLs). */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", text);
        put(p, "domain", domain);
        put(p, "audience", audience);
        put(p, "branch", branch == null ? null : branch.value());
        put(p, "weekday", weekday);
        put(p, "time", timeOfDay);
        put(p, "term", term == null ? null : term.value());
        put(p, "free", free);
        put(p, "format", format);
        put(p, "age", age);
        put(p, "seats", seatsLeftOnly ? Boolean.TRUE : null);
        put(p, "sort", sort == CatalogSort.STARTING_SOON ? null : sort);
        put(p, "page", page == 0 ? null : page);
        put(p, "size", size == DEFAULT_SIZE ? null : size);
        return p;
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString());
        }
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name, value);
        }
    }

    private static Integer integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name, value);
        }
    }

    private static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new InvalidQueryException(name, value);
        };
    }

    private static String checkedId(String name, String value) {
        if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidQueryException(name, value);
        }
        return value;
    }
}
