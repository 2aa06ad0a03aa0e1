package org.baeum.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.Questionnaire;

/**
 * An answer checked against its questionnaire (plain rules): every value on its question's scale or text within
 * {@link Question#MAX_TEXT}, every required question answered, no unknown question. The field of a problem is the
 * question's id; message keys {@code survey.error.*}.
 */
public final class AnswerChecks {

    private AnswerChecks() {
    }

    /**
     * The values to store: points as {@link Integer}, texts stripped; blank texts and {@code null}s left out.
     *
     * @throws InvalidInputException with every problem, per question id; nothing may be stored then
     */
    public static Map<String, Object> clean(Questionnaire questionnaire, Map<String, ?> given) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> clean = new LinkedHashMap<>();
        for (String id : given.keySet()) {
            if (questionnaire.question(id).isEmpty()) {
                problems.add(FieldProblem.of(id, "survey.error.notAQuestion"));
            }
        }
        for (Question q : questionnaire.questions()) {
            Object v = given.get(q.id());
            if (v instanceof String s && s.isBlank()) {
                v = null;
            }
            if (v == null) {
                if (q.required()) {
                    problems.add(FieldProblem.of(q.id(), "survey.error.answerRequired"));
                }
                continue;
            }
            if (q.type() == QuestionType.SCALE) {
                Integer point = point(v);
                if (point == null || !q.onScale(point)) {
                    problems.add(FieldProblem.of(q.id(), "survey.error.outOfScale", q.scale()));
                } else {
                    clean.put(q.id(), point);
                }
            } else if (!(v instanceof String s)) {
                problems.add(FieldProblem.of(q.id(), "survey.error.notText"));
            } else if (s.strip().length() > Question.MAX_TEXT) {
                problems.add(FieldProblem.of(q.id(), "survey.error.tooLong", Question.MAX_TEXT));
            } else {
                clean.put(q.id(), s.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return clean;
    }

    /** A whole number given as a number (JSON {@code 4}, not {@code 4.5} nor {@code "4"}); null otherwise. */
    private static Integer point(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e6) {
            return n.intValue();
        }
        return null;
    }
}
