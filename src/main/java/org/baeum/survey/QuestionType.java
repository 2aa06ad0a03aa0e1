package org.baeum.survey;

/** What a question asks for: a point on its scale, or free text. */
public enum QuestionType {
    /** A point from 1 to the question's scale (4 or 5); its labels name each point. */
    SCALE,
    /** Free text, at most {@link Question#MAX_TEXT} characters. */
    TEXT
}
