package org.baeum.attendance.transcript;

import java.time.LocalDate;
import java.util.Locale;
import org.baeum.account.ParticipantId;

/**
 * One completed program in a learning history: who completed it, the program (Korean and English title), the term, the
 * hours and sessions attended, the day completion was confirmed and the certificate's verification code (or
 * {@code null} when none was issued).
 */
public record TranscriptItem(ParticipantId participant, String participantName, String programKo, String programEn,
                             String termKo, String termEn, double hours, int sessions, LocalDate completedOn,
                             String certificateCode) {

    public String program(Locale locale) {
        return "en".equals(locale.getLanguage()) && programEn != null && !programEn.isBlank() ? programEn : programKo;
    }

    public String term(Locale locale) {
        return "en".equals(locale.getLanguage()) && termEn != null && !termEn.isBlank() ? termEn : termKo;
    }
}
