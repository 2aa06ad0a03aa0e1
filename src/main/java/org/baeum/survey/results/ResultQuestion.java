package org.baeum.survey.results;

import java.util.List;

/**
 * A question as the results see it: its id, its text and point labels in the reader's language, whether it is a scale
 * item (and its points) or a free-text question, and for a scale whether it is {@code rated} (a satisfaction scale,
 * 1 = worst: mean and "satisfied or better" share) or a choice among its labels (distribution only). Items of
 * different surveys are pooled when id, kind and points agree.
 */
public record ResultQuestion(String id, String text, Kind kind, int scale, boolean rated, List<String> labels) {

    public enum Kind { SCALE, TEXT }

    public ResultQuestion {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a question has an id");
        }
        if (kind == Kind.SCALE && scale < 2) {
            throw new IllegalArgumentException("a scale item has at least two points: " + id);
        }
        if (kind == Kind.TEXT) {
            scale = 0;
            rated = false;
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A rated satisfaction scale without labels. */
    public static ResultQuestion scale(String id, String text, int points) {
        return new ResultQuestion(id, text, Kind.SCALE, points, true, List.of());
    }

    public static ResultQuestion text(String id, String text) {
        return new ResultQuestion(id, text, Kind.TEXT, 0, false, List.of());
    }

    /** The key items are pooled on: the same id of another scale is another item. */
    String poolKey() {
        return kind == Kind.SCALE ? id + "#" + scale : id + "#text";
    }
}
