package org.baeum.recruitment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.RoundStatus;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawJson;
import org.baeum.recruitment.draw.DrawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's rounds (issue 15, "Demo data"): next quarter's pool and gym round takes applications now, with some from
 * demo citizens; this quarter's was drawn, and the documented verifier confirms its record from the JSON alone.
 */
@BaeumIntegrationTest
class RecruitmentDemoDataTest {

    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    RoundService rounds;
    @Autowired
    RoundDrawsService draws;
    @Autowired
    ApplicationRepository applications;

    @Test
    void the_next_round_is_open_with_demo_applications_and_the_past_round_is_drawn_and_verifiable(@TempDir Path dir)
            throws Exception {
        DemoCatalogFixture.load(contributors);
        DemoCatalogFixture.load(contributors); // a second start changes nothing

        Round next = rounds.round(new RoundId(RecruitmentDemoData.NEXT)).orElseThrow();
        assertThat(next.status()).isEqualTo(RoundStatus.OPEN);
        assertThat(next.offerings()).hasSizeBetween(3, 30);
        assertThat(next.commitment()).hasSize(64);
        assertThat(applications.findSubmitted(RecruitmentDemoData.NEXT)).hasSize(3)
                .anySatisfy(a -> assertThat(a.isReserved()).as("이영희 lives in Mapo").isTrue());

        Round past = rounds.round(new RoundId(RecruitmentDemoData.PAST)).orElseThrow();
        assertThat(past.status()).isEqualTo(RoundStatus.CLOSED);
        DrawRecord record = draws.record(past.id());
        assertThat(record.seed()).isNotNull();
        assertThat(record.applications()).hasSize(120);
        assertThat(record.results()).filteredOn(r -> !r.won()).as("more applications than seats").isNotEmpty();
        assertThat(Draw.verify(record).ok()).isTrue();

        Path json = dir.resolve("draw.json");
        Files.writeString(json, DrawJson.write(record), StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process verifier = new ProcessBuilder(java, Path.of("tools", "VerifyDraw.java").toString(), json.toString())
                .redirectErrorStream(true).start();
        assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("verified");
    }
}
