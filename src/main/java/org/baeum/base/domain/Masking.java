package org.baeum.base.domain;

/**
 * How lists show personal data under PIPA (개인정보 보호법): enough to recognise a person at the desk, not enough to
 * read it off a screen. Names 김*용 (two letters: 김*), phone numbers 010-****-1234, email k***@example.com.
 * The full record opens only in a detail view that logs the access.
 */
public final class Masking {

    private Masking() {
    }

    /** 김민용 → 김*용, 김용 → 김*, 남궁민수 → 남**수, John Smith → J********h. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** 010-1234-5678 or 01012345678 → 010-****-5678; anything else keeps only its last 4 digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        String last = digits.substring(digits.length() - 4);
        String first = digits.length() >= 10 ? digits.substring(0, 3) : "";
        return (first.isEmpty() ? "" : first + "-") + "****-" + last;
    }

    /** kim.minyong@example.com → k***@example.com; a@b.kr → *@b.kr. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        String local = email.substring(0, at);
        return (local.length() == 1 ? "*" : local.charAt(0) + "***") + email.substring(at);
    }

    /** The value of a {@code token=} parameter, as links in mail carry it: the only part of a link that grants anything. */
    private static final java.util.regex.Pattern LINK_TOKEN = java.util.regex.Pattern.compile("token=[A-Za-z0-9%._~+/=-]+");

    /** Shown in place of a link's token. */
    public static final String HIDDEN_TOKEN = "token=\u2022\u2022\u2022";

    /**
     * A text with the token of every link hidden ({@code …/reset-password?token=•••}): a reset, verification,
     * invitation or offer link is its recipient's alone, so nobody else (staff included) may see it whole.
     */
    public static String links(String text) {
        return text == null ? null : LINK_TOKEN.matcher(text).replaceAll(HIDDEN_TOKEN);
    }
}
