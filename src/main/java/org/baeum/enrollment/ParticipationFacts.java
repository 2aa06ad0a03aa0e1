package org.baeum.enrollment;

import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.catalog.Audience;
import org.baeum.catalog.TermType;

/**
 * What reports group an enrolment by, kept on the entry as it was when the entry was made, so that it survives changes
 * to the account and its deletion (decision 0037). Nothing here identifies anyone: {@code person} is an opaque key that
 * is the same for all entries of one participant (a person, not an account: a dependant is a person) and is replaced by
 * a new random key, for all that participant's entries at once, when the account is deleted.
 *
 * @param year              the calendar year of the class's first session day, the year the entry is reported in
 * @param ageBand           the participant's age band on that day
 * @param district          the household's district when the entry was made ({@code null}: not known)
 * @param resident          whether that district is the centre's own (관내)
 * @param reductionCategory the fee-reduction category applied ({@code null}: none)
 * @param audience          the program's audience when the entry was made
 * @param termType          the term's type when the entry was made
 */
public record ParticipationFacts(int year, String person, AgeBand ageBand, District district, boolean resident,
                                 String reductionCategory, Audience audience, TermType termType) {
}
