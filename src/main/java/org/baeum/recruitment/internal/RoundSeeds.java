package org.baeum.recruitment.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The lottery's secret seed and its public commitment (decision 0028). */
public final class RoundSeeds {

    /** Bytes of a seed. */
    public static final int SEED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoundSeeds() {
    }

    /** 32 fresh bytes from {@link SecureRandom}. */
    public static byte[] newSeed() {
        byte[] seed = new byte[SEED_BYTES];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /** {@code lowercase hex(SHA-256(seed))}. */
    public static String commitment(byte[] seed) {
        return HexFormat.of().formatHex(sha256(seed));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
