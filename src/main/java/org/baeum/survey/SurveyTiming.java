package org.baeum.survey;

/**
 * When a survey's invitations go out for each of its offerings. Never before the survey's {@code opensAt}; an
 * offering whose moment falls after {@code closesAt} gets no invitations.
 */
public enum SurveyTiming {
    /** After the end of the offering's last session (the usual end-of-class survey). */
    END_OF_CLASS,
    /** After the end of the session in the middle of the offering's session days (year-long classes). */
    MID_COURSE,
    /** At the survey's {@code opensAt}, for every offering alike. */
    FIXED
}
