package org.baeum.attendance.degree;

import java.time.LocalDate;
import org.baeum.account.ParticipantId;

/** A participant's output (학습 산출물 or 연구 산출물) that STAFF approved towards a level, with its short description. */
public record ApprovedOutput(ParticipantId participant, DegreeLevel level, String description, LocalDate approvedOn) {
}
