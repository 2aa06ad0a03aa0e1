package org.baeum.booking.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The code a citizen shows at the desk: 8 characters from 31 that cannot be mistaken for each other (no 0/O, 1/I/L),
 * shown and stored as {@code XXXX-XXXX}; from {@link SecureRandom}, so codes cannot be guessed from others
 * (31^8 ≈ 8.5·10^11). A unique index on {@code bookings.code} refuses a repeat, and the booking takes a new one.
 */
final class BookingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {
    }

    static String next() {
        char[] c = new char[9];
        for (int i = 0; i < 9; i++) {
            c[i] = i == 4 ? '-' : ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** What someone typed or scanned as a code in its stored form, or null when it cannot be one. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (s.length() != 8) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s.substring(0, 4) + "-" + s.substring(4);
    }
}
