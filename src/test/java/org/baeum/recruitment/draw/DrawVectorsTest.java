package org.baeum.recruitment.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.recruitment.draw.DrawVectors.*;

import java.util.HexFormat;
import java.util.List;

import org.baeum.recruitment.draw.DrawRecord.Result;
import org.baeum.recruitment.draw.DrawRecord.Share;
import org.junit.jupiter.api.Test;

/** The fixed vectors of decision 0027: commitment, keys, order, results, and the JSON form of the record. */
class DrawVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void commitmentIsTheSha256OfTheSeed() {
        assertThat(Draw.commitment(seed())).isEqualTo(COMMITMENT);
    }

    @Test
    void keysAreTheSmallestTicketHmac() {
        assertThat(HEX.formatHex(Draw.key(ROUND, seed(), N1, 1)))
                .isEqualTo("7c07f03e1badcf61a074447437cec3b1a6f712203ff11458015b16023d4b620a");
        // weight 2: ticket 0 is fe368d73…, ticket 1 is smaller and is the key
        assertThat(HEX.formatHex(Draw.key(ROUND, seed(), N2, 1)))
                .isEqualTo("fe368d73edbe3fd80fa6f401b29ec6290b475c7318127b7bdbec8b05b12cab0f");
        assertThat(HEX.formatHex(Draw.key(ROUND, seed(), N2, 2)))
                .isEqualTo("04bac6045d8c53f0499e0d239ab9db957d5ca2440ce7c5e6a22b9cc9629d353b");
        assertThat(HEX.formatHex(Draw.key(ROUND, seed(), N3, 1)))
                .isEqualTo("66e98bff34d8d6518fc8efa2f71ad51b5a8edb51fef9cc1a257a91b819b96368");
        assertThat(HEX.formatHex(Draw.key(ROUND, seed(), N4, 1)))
                .isEqualTo("6a2c160016c0caae5358b96a88d33608ce7434a62478bc1a1d4f64c413dedb2d");
        assertThat(HEX.formatHex(Draw.key(ROUND, seed(), N5, 1)))
                .isEqualTo("521a07a51db2645859db73483aa3987614c39960bc0be48228feb123802d8a6c");
    }

    @Test
    void orderAndResultsAreTheVectors() {
        DrawOutcome outcome = Draw.run(input());
        assertThat(outcome.order()).containsExactly(N2, N5, N3, N4, N1);
        assertThat(Draw.order(ROUND, seed(), APPLICATIONS)).isEqualTo(outcome.order());
        assertThat(outcome.keys()).containsEntry(N2,
                "04bac6045d8c53f0499e0d239ab9db957d5ca2440ce7c5e6a22b9cc9629d353b");
        assertThat(outcome.results()).containsExactly(
                new Result(N1, "POOL-A", Share.GENERAL),
                new Result(N2, "POOL-A", Share.GENERAL),
                Result.lost(N3),
                new Result(N4, "POOL-A", Share.RESERVED),
                new Result(N5, "POOL-B", Share.GENERAL));
    }

    @Test
    void thePublishedRecordVerifies() {
        DrawRecord record = record();
        assertThat(record.seed()).isEqualTo(SEED_HEX);
        assertThat(record.commitment()).isEqualTo(COMMITMENT);
        assertThat(record.rule()).isEqualTo(Draw.RULE);
        assertThat(Draw.verify(record)).isEqualTo(Verification.verified());
        assertThat(Draw.verify(record).message()).isEqualTo("verified");
    }

    @Test
    void jsonKeepsItsFieldOrderAndReadsBackTheSameRecord() {
        DrawRecord record = record();
        String json = DrawJson.write(record);
        assertThat(DrawJson.read(json)).isEqualTo(record);
        assertThat(DrawJson.write(DrawJson.read(json))).isEqualTo(json);
        List<String> fields = List.of("\"rule\"", "\"ruleText\"", "\"round\"", "\"commitment\"", "\"committedAt\"",
                "\"seed\"", "\"drawnAt\"", "\"offerings\"", "\"applications\"", "\"order\"", "\"results\"");
        int at = -1;
        for (String field : fields) {
            int next = json.indexOf(field);
            assertThat(next).as(field).isGreaterThan(at);
            at = next;
        }
        assertThat(json).contains("\"share\" : \"reserved\"").contains("\"offering\" : null");
    }

    @Test
    void aRecordBeforeTheDrawHasNoSeedAndDoesNotVerify() {
        DrawRecord before = new DrawRecord(Draw.RULE, Draw.RULE_TEXT, ROUND, COMMITMENT, "2027-01-05T00:00:00Z", null,
                null, OFFERINGS, APPLICATIONS, List.of(), List.of());
        assertThat(DrawJson.read(DrawJson.write(before))).isEqualTo(before);
        assertThat(Draw.verify(before).field()).isEqualTo("seed");
    }
}
