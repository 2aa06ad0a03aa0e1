package org.baeum.survey;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One question of a questionnaire.
 *
 * @param id       stable within the survey ({@code [a-z0-9-]{1,20}}): the key of the answer
 *                 ({@code {"answers": {"<id>": 4 | "text"}}})
 * @param type     a point on a scale or free text
 * @param scale    4 or 5 for {@link QuestionType#SCALE}; 0 for {@link QuestionType#TEXT}
 * @param rated    for SCALE: true for a satisfaction scale (1 = worst … scale = best; results give a mean and the
 *                 "satisfied or better" share, the top two points), false for a choice among the labels (age band,
 *                 how the learner heard of the class: results give only the distribution). False for TEXT
 * @param required the answer cannot be sent without it
 * @param textKo   the question in Korean
 * @param textEn   the question in English
 * @param labelsKo for SCALE: one label per point, point 1 first ({@code scale} labels); empty for TEXT
 * @param labelsEn the same in English
 */
public record Question(String id, QuestionType type, int scale, boolean rated, boolean required, String textKo,
                       String textEn, List<String> labelsKo, List<String> labelsEn) {

    /** The most characters a free-text answer keeps. */
    public static final int MAX_TEXT = 2000;

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        labelsKo = labelsKo == null ? List.of() : List.copyOf(labelsKo);
        labelsEn = labelsEn == null ? List.of() : List.copyOf(labelsEn);
    }

    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) && textEn != null && !textEn.isBlank() ? textEn : textKo;
    }

    /** The labels in the language, Korean when the English ones are missing. */
    public List<String> labels(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelsEn.size() == labelsKo.size() ? labelsEn : labelsKo;
    }

    /** Whether {@code value} is a point of this SCALE question (1 … scale). */
    public boolean onScale(int value) {
        return type == QuestionType.SCALE && value >= 1 && value <= scale;
    }
}
