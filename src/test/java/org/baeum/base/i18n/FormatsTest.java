package org.baeum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void won_amounts_read_naturally_in_each_language() {
        assertThat(Formats.won(85_958_000, Locale.KOREAN)).isEqualTo("85,958,000원");
        assertThat(Formats.won(12_000, Locale.ENGLISH)).isEqualTo("₩12,000");
        assertThat(Formats.won(0, Locale.KOREAN)).isEqualTo("0원");
    }

    @Test
    void times_are_shown_in_seoul_whatever_the_server_zone() {
        Instant utcMidnight = Instant.parse("2026-03-01T15:30:00Z");
        assertThat(Formats.dateTime(utcMidnight, Locale.KOREAN)).isEqualTo("2026. 3. 2. (월) 00:30");
        assertThat(Formats.dateTime(utcMidnight, Locale.ENGLISH)).isEqualTo("Mon, Mar 2, 2026 00:30");
        assertThat(Formats.date(LocalDate.of(2026, 11, 22), Locale.KOREAN)).isEqualTo("2026. 11. 22. (일)");
    }

    @Test
    void timestamps_for_logs_have_seconds_in_seoul_in_every_language() {
        assertThat(Formats.timestamp(Instant.parse("2026-03-01T15:30:09Z"))).isEqualTo("2026-03-02 00:30:09");
    }

    @Test
    void unsupported_languages_fall_back_to_korean() {
        assertThat(Locales.supported(Locale.JAPANESE)).isEqualTo(Locale.KOREAN);
        assertThat(Locales.supported(Locale.US)).isEqualTo(Locale.ENGLISH);
        assertThat(Locales.fromTag("")).isEqualTo(Locale.KOREAN);
    }
}
