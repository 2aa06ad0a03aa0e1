package org.baeum.attendance.certificate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;

/**
 * What a certificate of completion (수료증) states, as the portal or STAFF issue it: the holder (name and birth date as
 * printed, their household's account and the participant, who alone with STAFF may download it), the program in
 * Korean and English, the term, the period, the hours and sessions attended and the issuing centre.
 */
public record CertificateDraft(
        AccountId household,
        ParticipantId participant,
        String holderName,
        LocalDate birthDate,
        String programKo,
        String programEn,
        String term,
        LocalDate from,
        LocalDate to,
        double hours,
        int sessions,
        String centre) {

    /** The longest text a field may hold (it must fit the page). */
    public static final int MAX_TEXT = 120;
    /** The longest program title (in Korean or English): what the catalog accepts for a title (decision 0033). */
    public static final int MAX_PROGRAM = 200;

    /** @throws InvalidInputException naming each field that is missing or out of range */
    public void check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (household == null) {
            problems.add(FieldProblem.of("household", "certificate.error.required"));
        }
        if (participant == null) {
            problems.add(FieldProblem.of("participant", "certificate.error.required"));
        }
        text(problems, "holderName", holderName);
        text(problems, "programKo", programKo, MAX_PROGRAM);
        text(problems, "programEn", programEn, MAX_PROGRAM);
        text(problems, "term", term);
        text(problems, "centre", centre);
        if (birthDate == null) {
            problems.add(FieldProblem.of("birthDate", "certificate.error.required"));
        }
        if (from == null || to == null) {
            problems.add(FieldProblem.of("period", "certificate.error.required"));
        } else if (to.isBefore(from)) {
            problems.add(FieldProblem.of("period", "certificate.error.period"));
        }
        if (!(hours > 0) || hours > 10_000 || Double.isNaN(hours)) {
            problems.add(FieldProblem.of("hours", "certificate.error.hours"));
        }
        if (sessions < 1 || sessions > 1_000) {
            problems.add(FieldProblem.of("sessions", "certificate.error.sessions"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value) {
        text(problems, field, value, MAX_TEXT);
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "certificate.error.required"));
        } else if (value.strip().length() > max) {
            problems.add(FieldProblem.of(field, "certificate.error.long"));
        }
    }
}
