package org.baeum.base.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void korean_names_keep_first_and_last_letter() {
        assertThat(Masking.name("김민용")).isEqualTo("김*용");
        assertThat(Masking.name("김용")).isEqualTo("김*");
        assertThat(Masking.name("남궁민수")).isEqualTo("남**수");
        assertThat(Masking.name("김")).isEqualTo("*");
        assertThat(Masking.name(" ")).isEmpty();
        assertThat(Masking.name(null)).isEmpty();
    }

    @Test
    void phone_numbers_show_only_the_prefix_and_last_four_digits() {
        assertThat(Masking.phone("010-1234-5678")).isEqualTo("010-****-5678");
        assertThat(Masking.phone("01012345678")).isEqualTo("010-****-5678");
        assertThat(Masking.phone("02-313-1234")).isEqualTo("****-1234");
        assertThat(Masking.phone("123")).isEqualTo("***");
    }

    @Test
    void email_addresses_show_the_first_letter_and_the_domain() {
        assertThat(Masking.email("kim.minyong@example.com")).isEqualTo("k***@example.com");
        assertThat(Masking.email("a@b.kr")).isEqualTo("*@b.kr");
        assertThat(Masking.email("not-an-email")).isEqualTo("***");
    }
}
