package org.baeum.survey.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.baeum.base.domain.FieldProblem;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.SurveyDraft;

/**
 * What is wrong with a survey STAFF entered, per field (plain rules). Field names: {@code titleKo}, {@code titleEn},
 * {@code questions}, {@code questions[i].id|textKo|textEn|scale|labelsKo|labelsEn}, {@code target}, {@code timing},
 * {@code opensAt}, {@code closesAt}. Message keys {@code survey.error.*} take the arguments given.
 */
public final class DraftChecks {

    public static final int MAX_TITLE = 100;
    public static final int MAX_QUESTION = 300;
    public static final int MAX_LABEL = 40;
    public static final int MAX_QUESTIONS = 30;
    static final Pattern QUESTION_ID = Pattern.compile("[a-z0-9-]{1,20}");

    private DraftChecks() {
    }

    public static List<FieldProblem> check(SurveyDraft d, Instant now) {
        List<FieldProblem> p = new ArrayList<>();
        text(p, "titleKo", d.titleKo(), MAX_TITLE, true);
        text(p, "titleEn", d.titleEn(), MAX_TITLE, false);
        if (d.questions().isEmpty()) {
            p.add(FieldProblem.of("questions", "survey.error.noQuestions"));
        } else if (d.questions().size() > MAX_QUESTIONS) {
            p.add(FieldProblem.of("questions", "survey.error.tooManyQuestions", MAX_QUESTIONS));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < d.questions().size(); i++) {
            question(p, "questions[" + i + "].", d.questions().get(i), ids);
        }
        if (d.term() == null && d.offerings().isEmpty()) {
            p.add(FieldProblem.of("target", "survey.error.noTarget"));
        }
        if (d.timing() == null) {
            p.add(FieldProblem.of("timing", "survey.error.required"));
        }
        if (d.opensAt() == null) {
            p.add(FieldProblem.of("opensAt", "survey.error.required"));
        }
        if (d.closesAt() == null) {
            p.add(FieldProblem.of("closesAt", "survey.error.required"));
        } else if (!d.closesAt().isAfter(now)) {
            p.add(FieldProblem.of("closesAt", "survey.error.closesInPast"));
        } else if (d.opensAt() != null && !d.closesAt().isAfter(d.opensAt())) {
            p.add(FieldProblem.of("closesAt", "survey.error.closesBeforeOpens"));
        }
        return p;
    }

    private static void question(List<FieldProblem> p, String prefix, Question q, Set<String> ids) {
        if (q.id() == null || !QUESTION_ID.matcher(q.id()).matches()) {
            p.add(FieldProblem.of(prefix + "id", "survey.error.questionId"));
        } else if (!ids.add(q.id())) {
            p.add(FieldProblem.of(prefix + "id", "survey.error.duplicateId", q.id()));
        }
        text(p, prefix + "textKo", q.textKo(), MAX_QUESTION, true);
        text(p, prefix + "textEn", q.textEn(), MAX_QUESTION, false);
        if (q.type() == QuestionType.SCALE) {
            if (q.scale() != 4 && q.scale() != 5) {
                p.add(FieldProblem.of(prefix + "scale", "survey.error.scale"));
                return;
            }
            labels(p, prefix + "labelsKo", q.labelsKo(), q.scale(), true);
            labels(p, prefix + "labelsEn", q.labelsEn(), q.scale(), false);
        } else if (q.scale() != 0 || !q.labelsKo().isEmpty() || q.rated()) {
            p.add(FieldProblem.of(prefix + "scale", "survey.error.textHasScale"));
        }
    }

    private static void labels(List<FieldProblem> p, String field, List<String> labels, int scale, boolean required) {
        if (labels.isEmpty() && !required) {
            return;
        }
        if (labels.size() != scale || labels.stream().anyMatch(l -> l == null || l.isBlank())) {
            p.add(FieldProblem.of(field, "survey.error.labels", scale));
        } else if (labels.stream().anyMatch(l -> l.strip().length() > MAX_LABEL)) {
            p.add(FieldProblem.of(field, "survey.error.tooLong", MAX_LABEL));
        }
    }

    private static void text(List<FieldProblem> p, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(FieldProblem.of(field, "survey.error.required"));
            }
        } else if (value.strip().length() > max) {
            p.add(FieldProblem.of(field, "survey.error.tooLong", max));
        }
    }
}
