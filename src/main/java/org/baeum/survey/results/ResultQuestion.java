package org.baeum.survey.results;

/**
 * A question as the results see it: its id, its text in the reader's language, whether it is a scale item (and its
 * points) or a free-text question. Items of different surveys are pooled when id, kind and points agree.
 */
public record ResultQuestion(String id, String text, Kind kind, int scale) {

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
        }
    }

    public static ResultQuestion scale(String id, String text, int points) {
        return new ResultQuestion(id, text, Kind.SCALE, points);
    }

    public static ResultQuestion text(String id, String text) {
        return new ResultQuestion(id, text, Kind.TEXT, 0);
    }

    /** The key items are pooled on: the same id of another scale is another item. */
    String poolKey() {
        return kind == Kind.SCALE ? id + "#" + scale : id + "#text";
    }
}
