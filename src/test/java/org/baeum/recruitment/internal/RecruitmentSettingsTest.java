package org.baeum.recruitment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The draw's timing settings: the property names operators set, and the defaults when they set nothing. */
class RecruitmentSettingsTest {

    @Test
    void the_draw_times_bind_from_their_properties() {
        RecruitmentSettings settings = bind(Map.of("baeum.recruitment.draw-settle", "2s",
                "baeum.recruitment.draw-every", "PT3S"));

        assertThat(settings.drawSettle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.drawEvery()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void unset_or_impossible_times_fall_back_to_a_settling_minute_and_a_run_every_30_seconds() {
        RecruitmentSettings unset = new RecruitmentSettings(null, null);
        assertThat(unset.drawSettle()).isEqualTo(Duration.ofMinutes(1)).isEqualTo(RoundDraws.SETTLE);
        assertThat(unset.drawEvery()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(DrawJob.EVERY);

        RecruitmentSettings impossible = new RecruitmentSettings(Duration.ofSeconds(-1), Duration.ZERO);
        assertThat(impossible.drawSettle()).isEqualTo(RoundDraws.SETTLE);
        assertThat(impossible.drawEvery()).isEqualTo(DrawJob.EVERY);
        // no settling time at all is allowed: the draw then runs on the job's first run after the close
        assertThat(new RecruitmentSettings(Duration.ZERO, null).drawSettle()).isZero();
    }

    private static RecruitmentSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("baeum.recruitment", RecruitmentSettings.class);
    }
}
