package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void passwords_are_hashed_with_argon2id_at_owasp_strength_or_more() {
        var encoder = new SecurityConfiguration().passwordEncoder();
        String hash = encoder.encode("비밀번호 correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("비밀번호 correct horse", hash)).isTrue();
        assertThat(encoder.matches("비밀번호 correct hors", hash)).isFalse();
        assertThat(encoder.encode("same")).isNotEqualTo(encoder.encode("same"));
    }
}
