package org.baeum.recruitment.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.baeum.recruitment.draw.DrawRecord.Application;
import org.junit.jupiter.api.Test;

/**
 * The order is a pure function of seed and record, and fair: over 100,000 draws with seeds derived from a fixed master
 * seed every rank is uniform, and a second ticket makes an application first as often as the rule predicts.
 */
class DrawStatisticsTest {

    private static final String ROUND = "2027Q1-GYM";
    private static final byte[] MASTER = "baeum draw statistics master seed".getBytes(StandardCharsets.US_ASCII);
    private static final int APPLICANTS = 10;

    /** Chi-square, 81 degrees of freedom ((10-1) x (10-1)), upper 0.001 quantile (scipy.stats.chi2.ppf(0.999, 81)). */
    private static final double CRITICAL_81_AT_0_001 = 126.0826;

    @Test
    void sameInputGivesTheSameOrderWhateverTheListingOrder() {
        List<Application> applications = applications(1);
        List<String> order = Draw.order(ROUND, seed(7), applications);
        assertThat(Draw.order(ROUND, seed(7), applications)).isEqualTo(order);
        List<Application> shuffled = new ArrayList<>(applications);
        Collections.shuffle(shuffled, new Random(42));
        assertThat(Draw.order(ROUND, seed(7), shuffled)).isEqualTo(order);
        assertThat(Draw.order(ROUND, seed(8), applications)).isNotEqualTo(order);
        assertThat(Draw.order("2027Q2-GYM", seed(7), applications)).isNotEqualTo(order);
    }

    @Test
    void everyRankIsUniformOver100000Draws() {
        int draws = 100_000;
        List<Application> applications = applications(1);
        long[][] counts = new long[APPLICANTS][APPLICANTS]; // [application][rank]
        for (int i = 0; i < draws; i++) {
            List<String> order = Draw.order(ROUND, seed(i), applications);
            for (int rank = 0; rank < APPLICANTS; rank++) {
                counts[index(order.get(rank))][rank]++;
            }
        }
        double expected = (double) draws / APPLICANTS;
        double chiSquare = 0;
        for (long[] row : counts) {
            assertThat(IntStream.range(0, APPLICANTS).mapToLong(r -> row[r]).sum()).isEqualTo(draws);
            for (long observed : row) {
                chiSquare += (observed - expected) * (observed - expected) / expected;
            }
        }
        assertThat(chiSquare).as("chi-square over the 10x10 table of ranks").isLessThan(CRITICAL_81_AT_0_001);
    }

    @Test
    void aSecondTicketMakesAnApplicationFirstAsOftenAsTheRulePredicts() {
        int draws = 30_000;
        List<Application> applications = new ArrayList<>(applications(1));
        applications.set(0, new Application(number(0), 2, List.of("GYM"), 1, false));
        long weightedFirst = 0;
        long othersFirst = 0;
        for (int i = 0; i < draws; i++) {
            String first = Draw.order(ROUND, seed(i), applications).getFirst();
            if (first.equals(number(0))) {
                weightedFirst++;
            } else {
                othersFirst++;
            }
        }
        // 11 tickets in all, each equally likely the smallest: P(first) = 2/11 with two tickets, 1/11 with one.
        double p = 2.0 / 11;
        double sigma = Math.sqrt(draws * p * (1 - p));
        assertThat((double) weightedFirst).isCloseTo(draws * p, org.assertj.core.data.Offset.offset(5 * sigma));
        double eachOtherFirst = othersFirst / 9.0;
        assertThat(weightedFirst / eachOtherFirst).as("weight 2 against weight 1").isBetween(1.8, 2.2);
    }

    private static List<Application> applications(int weight) {
        return IntStream.range(0, APPLICANTS)
                .mapToObj(i -> new Application(number(i), weight, List.of("GYM"), 1, false)).toList();
    }

    private static String number(int i) {
        return ROUND + "-" + String.format("%06d", i + 1);
    }

    private static int index(String number) {
        return Integer.parseInt(number.substring(number.length() - 6)) - 1;
    }

    /** Draw i's seed: SHA-256(master seed || i as 4 bytes big-endian). */
    private static byte[] seed(int i) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(MASTER);
            return sha.digest(ByteBuffer.allocate(4).putInt(i).array());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
