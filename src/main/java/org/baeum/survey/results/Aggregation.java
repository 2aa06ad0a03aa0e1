package org.baeum.survey.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the answers of one group (plain Java, no Spring, no database): per scale item a {@link ScaleTally}, per
 * free-text question the non-blank texts, and the invitations and answers for the response rate. Groups pool with
 * {@link #addAll}: items of the same id, kind and points add up; others stay apart, in the order first seen.
 */
public final class Aggregation {

    private final Map<String, ResultQuestion> questions = new LinkedHashMap<>();
    private final Map<String, ScaleTally> tallies = new LinkedHashMap<>();
    private final Map<String, List<String>> texts = new LinkedHashMap<>();
    private long invited;
    private long answered;

    public Aggregation(List<ResultQuestion> questions) {
        questions.forEach(this::question);
    }

    private void question(ResultQuestion q) {
        String key = q.poolKey();
        if (questions.putIfAbsent(key, q) == null) {
            if (q.kind() == ResultQuestion.Kind.SCALE) {
                tallies.put(key, new ScaleTally(q.scale()));
            } else {
                texts.put(key, new ArrayList<>());
            }
        }
    }

    /** Counts invitations sent to the group (one per participant and survey). */
    public Aggregation invited(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("invitations: " + count);
        }
        invited += count;
        return this;
    }

    /**
     * Counts one answer: question id to a point (a {@link Number}) or a text. Questions the group does not have, values
     * of the wrong kind and blank texts are not counted; a point outside the item's scale is refused.
     */
    public Aggregation answer(Map<String, ?> values) {
        for (ResultQuestion q : questions.values()) { // refuse before counting anything
            if (q.kind() == ResultQuestion.Kind.SCALE && values.get(q.id()) instanceof Number n
                    && (n.intValue() < 1 || n.intValue() > q.scale())) {
                throw new IllegalArgumentException("point " + n + " is outside 1.." + q.scale() + " of " + q.id());
            }
        }
        answered++;
        for (ResultQuestion q : questions.values()) {
            Object v = values.get(q.id());
            if (q.kind() == ResultQuestion.Kind.SCALE && v instanceof Number n) {
                tallies.get(q.poolKey()).add(n.intValue());
            } else if (q.kind() == ResultQuestion.Kind.TEXT && v instanceof String s && !s.isBlank()) {
                texts.get(q.poolKey()).add(s.strip());
            }
        }
        return this;
    }

    /** Pools another group's invitations, answers and items into this one. */
    public Aggregation addAll(Aggregation other) {
        invited += other.invited;
        answered += other.answered;
        other.questions.values().forEach(this::question);
        other.tallies.forEach((key, t) -> tallies.get(key).addAll(t));
        other.texts.forEach((key, list) -> texts.get(key).addAll(list));
        return this;
    }

    public long invitedCount() {
        return invited;
    }

    public long answeredCount() {
        return answered;
    }

    /** The group's results, every figure and text (the reader's view is {@link GroupResult#forStaff} or forInstructor). */
    public GroupResult result(String key, String label) {
        List<ItemResult> items = new ArrayList<>();
        for (var e : questions.entrySet()) {
            ResultQuestion q = e.getValue();
            if (q.kind() == ResultQuestion.Kind.SCALE) {
                ScaleTally t = tallies.get(e.getKey());
                items.add(new ItemResult(q.id(), q.text(), q.kind(), q.scale(), q.rated(), q.labels(), t.count(),
                        t.distribution(), q.rated() ? t.mean() : null, q.rated() ? t.satisfiedShare() : null, List.of()));
            } else {
                List<String> sorted = texts.get(e.getKey()).stream().sorted().toList();
                items.add(new ItemResult(q.id(), q.text(), q.kind(), null, false, List.of(), sorted.size(), List.of(),
                        null, null, sorted));
            }
        }
        return new GroupResult(key, label, invited, answered, Results.percent(Math.min(answered, invited), invited),
                items, false, false);
    }

    /**
     * Every rated scale answer of the group pooled, whatever its item and scale: the reporting section's headline
     * figures ({@link Satisfaction}).
     */
    public Satisfaction satisfaction() {
        long answers = 0;
        long satisfied = 0;
        double score = 0;
        for (var e : questions.entrySet()) {
            ResultQuestion q = e.getValue();
            if (q.kind() == ResultQuestion.Kind.SCALE && q.rated()) {
                ScaleTally t = tallies.get(e.getKey());
                answers += t.count();
                satisfied += t.satisfied();
                List<Long> d = t.distribution();
                for (int p = 0; p < d.size(); p++) {
                    score += d.get(p) * (p * 100.0 / (t.scale() - 1));
                }
            }
        }
        return new Satisfaction(answers, satisfied, Results.percent(satisfied, answers),
                answers == 0 ? null : Math.round(score * 10 / answers) / 10.0);
    }
}
