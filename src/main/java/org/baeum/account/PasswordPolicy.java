package org.baeum.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules after OWASP ASVS 5.0 (V6.2): at least 8 characters, up to 128 allowed (ASVS asks for at
 * least 64), any characters including spaces and Hangul, no composition rules, and not one of the common or
 * breached passwords bundled in {@code common-passwords.txt} (17,950 of 8 or more characters; no network look-up),
 * nor the user's own name or email address. Length counts characters (code points), not bytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    static final String BUNDLED = "/org/baeum/account/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the bundled list, loaded once. */
    public static PasswordPolicy bundled() {
        return Holder.INSTANCE;
    }

    /** How many common passwords the policy refuses. */
    public int commonPasswordCount() {
        return common.size();
    }

    /**
     * What is wrong with the password, as message keys ({@code password.tooShort}, {@code password.tooLong},
     * {@code password.common}, {@code password.personal}); empty when it is acceptable.
     *
     * @param personal the user's own words that must not be the password (user name, email address)
     */
    public List<String> problems(String password, String... personal) {
        List<String> problems = new ArrayList<>();
        if (password == null) {
            problems.add("password.tooShort");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password.tooShort");
        } else if (length > MAX_LENGTH) {
            problems.add("password.tooLong");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            problems.add("password.common");
        }
        for (String word : personal) {
            if (word != null && !word.isBlank()) {
                String w = word.strip().toLowerCase(Locale.ROOT);
                String local = w.contains("@") ? w.substring(0, w.indexOf('@')) : w;
                if (lower.equals(w) || (local.length() >= 4 && lower.equals(local))) {
                    problems.add("password.personal");
                    break;
                }
            }
        }
        return problems;
    }

    private static final class Holder {
        static final PasswordPolicy INSTANCE = load();

        private static PasswordPolicy load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + BUNDLED);
                }
                Set<String> words = new HashSet<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
                return new PasswordPolicy(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
