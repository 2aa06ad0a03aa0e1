package org.baeum.survey;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermId;

/**
 * A satisfaction survey as STAFF defined it (decision 0051): a questionnaire sent to the participants of some
 * offerings, or of every published offering of a term.
 *
 * @param offerings the offerings it goes to; for a whole term, the term's published offerings when it was saved
 * @param term      the whole term it was attached to, or {@code null} when attached to chosen offerings
 * @param timing    when each offering's invitations go out
 * @param opensAt   invitations never go out before this moment
 * @param closesAt  answers are taken until this moment (exclusive); nothing is stored after it
 * @param createdBy the STAFF account that defined it
 */
public record Survey(SurveyId id, String titleKo, String titleEn, Questionnaire questionnaire,
                     List<OfferingId> offerings, TermId term, SurveyTiming timing, Instant opensAt, Instant closesAt,
                     String createdBy, Instant createdAt) {

    public Survey {
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null && !titleEn.isBlank() ? titleEn : titleKo;
    }

    /** Answers are taken now: before the close. */
    public boolean takesAnswersAt(Instant now) {
        return now.isBefore(closesAt);
    }

    /** Closed: no more answers; results may be shown. */
    public boolean closedAt(Instant now) {
        return !now.isBefore(closesAt);
    }
}
