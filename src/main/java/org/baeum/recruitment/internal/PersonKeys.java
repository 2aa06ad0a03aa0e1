package org.baeum.recruitment.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key that finds the same person applying from two households in one round without storing who they are:
 * {@code hex(SHA-256(roundId | name | birthDate))}, the name in NFC without spaces (김 하늘 = 김하늘) and in lower case. The round
 * id is the salt, so keys of two rounds cannot be joined (decision 0028). The portal has no secret pepper to add: the
 * link secret stays inside {@code SignedLinks}, and login attempts hash with plain SHA-256 too.
 */
public final class PersonKeys {

    private PersonKeys() {
    }

    public static String of(String roundId, String name, LocalDate birthDate) {
        String clean = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
        String value = roundId + "|" + clean + "|" + birthDate;
        return HexFormat.of().formatHex(RoundSeeds.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }
}
