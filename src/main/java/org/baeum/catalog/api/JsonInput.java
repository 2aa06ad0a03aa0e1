package org.baeum.catalog.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.baeum.base.domain.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a JSON body as the catalog's drafts take them. A value of the wrong kind or an unknown name becomes a
 * problem at its field ({@code catalog.api.badValue} with an example, or {@code validation.unknown}) and reads as
 * missing, so that the caller hears of every problem at once, the service's included. {@link #has} tells a field
 * that is present (even as {@code null}) from one that is not: what PATCH changes.
 */
final class JsonInput {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final JsonNode body;
    final List<FieldProblem> problems = new ArrayList<>();

    /** A body that is not a JSON object reads as empty, with a problem at {@code body}. */
    JsonInput(JsonNode body) {
        if (body == null || !body.isObject()) {
            problems.add(FieldProblem.of("body", "api.badRequest"));
            this.body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        } else {
            this.body = body;
        }
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** The field's value when present, else {@code current} (what PATCH keeps). */
    <T> T or(String field, Function<String, T> read, T current) {
        return has(field) ? read.apply(field) : current;
    }

    String text(String field) {
        return text(body.get(field), field);
    }

    Integer integer(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        return bad(field, "12");
    }

    Long number(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        return bad(field, "30000");
    }

    Boolean bool(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isBoolean() ? n.booleanValue() : bad(field, "true");
    }

    <E extends Enum<E>> E name(String field, Class<E> type) {
        return name(body.get(field), field, type);
    }

    <E extends Enum<E>> Set<E> names(String field, Class<E> type) {
        Set<E> values = new LinkedHashSet<>();
        for (JsonNode n : list(field)) {
            E value = name(n, field, type);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    List<String> texts(String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode n : list(field)) {
            String value = text(n, field);
            if (value != null && !value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    LocalDate date(String field) {
        String s = text(field);
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeException e) {
            return bad(field, "2027-03-02");
        }
    }

    LocalTime time(String field) {
        String s = text(field);
        try {
            return s == null || s.isBlank() ? null : LocalTime.parse(s.strip());
        } catch (DateTimeException e) {
            return bad(field, "09:30");
        }
    }

    /** A moment as Asia/Seoul wall-clock time: {@code 2027-02-01T10:00} or with an offset ({@code …+09:00}, {@code …Z}). */
    LocalDateTime dateTime(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip());
        } catch (DateTimeException local) {
            try {
                return OffsetDateTime.parse(s.strip()).atZoneSameInstant(SEOUL).toLocalDateTime();
            } catch (DateTimeException e) {
                return bad(field, "2027-02-01T10:00");
            }
        }
    }

    /** The field's array ({@code null} is empty); anything else is a problem and empty. */
    List<JsonNode> list(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            bad(field, "[…]");
            return List.of();
        }
        return List.copyOf(n.values());
    }

    String text(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isString() ? n.stringValue() : bad(field, "\"…\"");
    }

    <E extends Enum<E>> E name(JsonNode n, String field, Class<E> type) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException unknown) {
            problems.add(FieldProblem.of(field, "validation.unknown"));
            return null;
        }
    }

    private <T> T bad(String field, String example) {
        problems.add(FieldProblem.of(field, "catalog.api.badValue", example));
        return null;
    }
}
