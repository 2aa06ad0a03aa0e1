package org.baeum.recruitment.draw;

import java.util.HexFormat;
import java.util.List;

import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Offering;

/**
 * The fixed test vectors of docs/decisions/0027-verifiable-draw.md (cross-checked there with Python and openssl).
 * Public for the browser verifier's test ({@code org.baeum.e2e.DrawVerifyScriptIT}).
 */
public final class DrawVectors {

    static final String ROUND = "2027Q1-SWIM";
    /** SHA-256 of the ASCII text "baeum draw test vector 21". */
    static final String SEED_HEX = "508c2c31dc7941583b46c4676b8a3bc6263791c5dcf87480646c98bd6bc997de";
    static final String COMMITMENT = "39bca99aa2296265e8806395dd8218c252854cb1646ea9c01b1600b1383fd9e1";
    static final String N1 = "2027Q1-SWIM-000001";
    static final String N2 = "2027Q1-SWIM-000002";
    static final String N3 = "2027Q1-SWIM-000003";
    static final String N4 = "2027Q1-SWIM-000004";
    static final String N5 = "2027Q1-SWIM-000005";

    static final List<Offering> OFFERINGS = List.of(new Offering("POOL-A", 3, 1), new Offering("POOL-B", 2, 0));
    static final List<Application> APPLICATIONS = List.of(
            new Application(N1, 1, List.of("POOL-A", "POOL-B"), 1, false),
            new Application(N2, 2, List.of("POOL-A"), 1, false),
            new Application(N3, 1, List.of("POOL-B", "POOL-A"), 2, false),
            new Application(N4, 1, List.of("POOL-A", "POOL-B"), 1, true),
            new Application(N5, 1, List.of("POOL-B"), 1, false));

    private DrawVectors() {
    }

    static byte[] seed() {
        return HexFormat.of().parseHex(SEED_HEX);
    }

    static DrawInput input() {
        return new DrawInput(ROUND, seed(), OFFERINGS, APPLICATIONS);
    }

    public static DrawRecord record() {
        return Draw.record(input(), "2027-01-05T00:00:00Z", "2027-01-20T09:00:00Z");
    }
}
