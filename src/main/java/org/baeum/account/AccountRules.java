package org.baeum.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.baeum.base.domain.FieldProblem;

/**
 * The rules for what citizens enter about themselves and their households. Each check adds translated-message
 * keys per field; nothing here touches the database. Field names are the form's and the API's.
 */
public final class AccountRules {

    public static final int NAME_MAX = 50;
    public static final int EMAIL_MAX = 254;
    public static final int NOTE_MAX = 500;
    public static final int MAX_DEPENDANTS = 10;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Practical address syntax: one @, a dotted domain, no spaces or '|', as browsers' type=email accepts. */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    /** Korean mobile numbers: 010 (and the older 011, 016–019) with 7 or 8 more digits. */
    private static final Pattern MOBILE = Pattern.compile("^01[016789][0-9]{7,8}$");
    /** Letters of any script, spaces and the marks names use; no digits or angle brackets. */
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{M}][\\p{L}\\p{M} .·'-]*$");

    private AccountRules() {
    }

    public static void name(String field, String name, List<FieldProblem> problems) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(FieldProblem.of(field, "account.name.required"));
        } else if (n.codePointCount(0, n.length()) > NAME_MAX) {
            problems.add(FieldProblem.of(field, "account.name.tooLong", NAME_MAX));
        } else if (!NAME.matcher(n).matches()) {
            problems.add(FieldProblem.of(field, "account.name.characters"));
        }
    }

    public static void email(String field, String email, List<FieldProblem> problems) {
        String e = email == null ? "" : email.strip();
        if (e.isEmpty()) {
            problems.add(FieldProblem.of(field, "account.email.required"));
        } else if (e.length() > EMAIL_MAX || !EMAIL.matcher(e).matches()) {
            problems.add(FieldProblem.of(field, "account.email.invalid"));
        }
    }

    /** The number as stored (digits only), or {@code null} when none was entered. */
    public static String normaliseMobile(String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return null;
        }
        return mobile.replaceAll("[\\s-]", "");
    }

    public static void mobile(String field, String mobile, List<FieldProblem> problems) {
        String m = normaliseMobile(mobile);
        if (m != null && !MOBILE.matcher(m).matches()) {
            problems.add(FieldProblem.of(field, "account.mobile.invalid"));
        }
    }

    /** A birth date in the past, not before 1900; {@code minimumAge} applies to people signing up themselves. */
    public static void birthDate(String field, LocalDate birthDate, LocalDate today, int minimumAge,
                                 List<FieldProblem> problems) {
        if (birthDate == null) {
            problems.add(FieldProblem.of(field, "account.birthDate.required"));
        } else if (birthDate.isAfter(today) || birthDate.isBefore(EARLIEST_BIRTH)) {
            problems.add(FieldProblem.of(field, "account.birthDate.invalid"));
        } else if (Ages.on(birthDate, today) < minimumAge) {
            problems.add(FieldProblem.of(field, "account.birthDate.tooYoung", minimumAge));
        }
    }

    public static void password(String field, String password, List<FieldProblem> problems, String... personal) {
        for (String key : PasswordPolicy.bundled().problems(password, personal)) {
            problems.add(FieldProblem.of(field, key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        }
    }

    public static String language(String language) {
        return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "ko";
    }

    /** Every problem of a sign-up; empty when it may be stored. */
    public static List<FieldProblem> signUp(SignUpRequest r, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        name("name", r.name(), problems);
        email("email", r.email(), problems);
        mobile("mobile", r.mobile(), problems);
        birthDate("birthDate", r.birthDate(), today, Ages.OWN_ACCOUNT, problems);
        if (r.district() == null) {
            problems.add(FieldProblem.of("district", "account.district.required"));
        }
        if (r.language() != null && !r.language().isBlank() && !r.language().matches("(?i)ko|en|ko-KR|en-.*")) {
            problems.add(FieldProblem.of("language", "account.language.invalid"));
        }
        password("password", r.password(), problems, r.email(), r.name());
        if (!r.privacyConsent()) {
            problems.add(FieldProblem.of("privacyConsent", "account.privacyConsent.required"));
        }
        return problems;
    }

    public static List<FieldProblem> dependant(DependantDraft d, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        name("name", d.name(), problems);
        birthDate("birthDate", d.birthDate(), today, 0, problems);
        if (d.relation() == null) {
            problems.add(FieldProblem.of("relation", "account.relation.required"));
        }
        return problems;
    }
}
