package org.baeum.attendance.degree;

import java.time.LocalDate;
import org.baeum.account.ParticipantId;

/** A degree awarded to a participant, with the rule version it was awarded under (it keeps that version). */
public record DegreeAward(ParticipantId participant, DegreeLevel level, LocalDate awardedOn, int ruleVersion) {
}
