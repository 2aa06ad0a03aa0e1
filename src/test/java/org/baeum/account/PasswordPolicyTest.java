package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.bundled();

    @Test
    void the_bundled_list_holds_at_least_10000_common_passwords() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void common_and_breached_passwords_are_refused_whatever_their_case() {
        assertThat(policy.problems("password")).containsExactly("password.common");
        assertThat(policy.problems("Password1")).contains("password.common");
        assertThat(policy.problems("QWERTYUIOP")).containsExactly("password.common");
        assertThat(policy.problems("iloveyou")).containsExactly("password.common");
    }

    @Test
    void length_counts_characters_from_8_to_128() {
        assertThat(policy.problems("short7!")).containsExactly("password.tooShort");
        assertThat(policy.problems("배움은즐거운일이야")).isEmpty();
        assertThat(policy.problems("가나다라마바사")).containsExactly("password.tooShort");
        assertThat(policy.problems("x".repeat(64) + " long passphrases are welcome")).isEmpty();
        assertThat(policy.problems("y".repeat(129))).containsExactly("password.tooLong");
        assertThat(policy.problems(null)).containsExactly("password.tooShort");
    }

    @Test
    void no_composition_rules_spaces_allowed() {
        assertThat(policy.problems("correct horse battery staple")).isEmpty();
        assertThat(policy.problems("onlylowercaseletters")).isEmpty();
    }

    @Test
    void the_users_own_name_or_email_is_refused() {
        assertThat(policy.problems("kimminsoo", "kimminsoo", "kms@example.com")).containsExactly("password.personal");
        assertThat(policy.problems("kms@example.com", "kimminsoo", "kms@example.com")).containsExactly("password.personal");
        assertThat(policy.problems("hongildong1", "hongildong1@example.com")).containsExactly("password.personal");
        assertThat(policy.problems("a different secret", "kimminsoo")).isEmpty();
    }
}
