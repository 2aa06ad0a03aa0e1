package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SessionValidity;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@BaeumIntegrationTest
class RegistrationServiceTest {

    static final String PASSWORD = "푸른 하늘 은하수 하얀 쪽배";

    @Autowired
    RegistrationService registration;
    @Autowired
    AccountRepository accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    Messages messages;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SessionValidity sessions;
    @Autowired
    TestAccounts testAccounts;

    @AfterEach
    void resetClock() {
        clock.reset();
        TestAccounts.signOut();
    }

    /** A documentation address (RFC 5737), so the per-address limit of the HTTP tests is not used up here. */
    static final String CLIENT = "192.0.2.10";

    /** Signs up and returns the new account's id (read from the database: the service answers nothing). */
    AccountId signUp(String email) {
        registration.signUp(request(email), CLIENT);
        return new AccountId(accounts.findByLogin(email).orElseThrow().id());
    }

    static SignUpRequest request(String email) {
        return new SignUpRequest("홍길동", email, "010-1234-5678", LocalDate.of(1980, 5, 17), District.MAPO, "ko",
                PASSWORD, true);
    }

    @Test
    void sign_up_stores_an_unverified_citizen_and_mails_a_verification_link() {
        var stored = accounts.findById(signUp("new1@example.com").value()).orElseThrow();
        assertThat(stored.username()).isEqualTo("new1@example.com");
        assertThat(stored.emailVerified()).isFalse();
        assertThat(stored.mobile()).isEqualTo("01012345678");
        assertThat(stored.district()).isEqualTo("MAPO");
        assertThat(stored.passwordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);
        SentMail mail = mailbox.newestTo("new1@example.com").orElseThrow();
        assertThat(mail.subject()).contains("이메일 주소를 확인해 주세요");
        assertThat(mail.htmlBody()).contains("<a href=\"http");
        assertThat(Mailbox.link(mail)).contains("/verify-email?token=");
    }

    @Test
    void invalid_sign_up_stores_nothing_and_names_every_problem_in_both_languages() {
        long before = accounts.count();
        var bad = new SignUpRequest("", "not-an-address", "12345", LocalDate.now().plusDays(1), null, "ko", "1234", false);
        assertThatThrownBy(() -> registration.signUp(bad, CLIENT)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("name", "email", "mobile", "birthDate", "district", "password", "privacyConsent");
            for (FieldProblem p : e.problems()) {
                for (Locale l : new Locale[] {Locale.KOREAN, Locale.ENGLISH}) {
                    String text = messages.get(p.messageKey(), l, p.arguments().toArray());
                    assertThat(text).as(p.messageKey() + " in " + l).isNotBlank().doesNotStartWith("!").doesNotContain(p.messageKey());
                }
            }
        });
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(mailbox.newestTo("not-an-address")).isEmpty();
    }

    @Test
    void a_taken_address_is_answered_like_a_new_one_and_its_owner_is_mailed_whatever_its_case() {
        AccountId owner = signUp("taken@example.com");
        String hashBefore = accounts.findById(owner.value()).orElseThrow().passwordHash();
        long before = accounts.count();
        var other = new SignUpRequest("낯선사람", "Taken@Example.com", null, LocalDate.of(1990, 1, 1), District.JUNG, "en",
                "다른 사람의 아주 긴 비밀번호", true);
        registration.signUp(other, CLIENT); // no exception, no result: the caller cannot tell
        assertThat(accounts.count()).isEqualTo(before);
        var stored = accounts.findById(owner.value()).orElseThrow();
        assertThat(stored.displayName()).as("the account is untouched").isEqualTo("홍길동");
        assertThat(stored.passwordHash()).isEqualTo(hashBefore);
        SentMail notice = mailbox.newestTo("taken@example.com").orElseThrow();
        assertThat(notice.subject()).as("in the owner's language, not the stranger's").contains("누군가 이 주소로 가입하려고 했습니다");
        assertThat(notice.textBody()).contains("/login").contains("/forgot-password").doesNotContain("token=");
        assertThat(mailbox.to("taken@example.com")).as("the verification mail and the notice").hasSize(2);
    }

    @Test
    void the_verification_link_confirms_once_and_is_then_spent() {
        var id = signUp("verify1@example.com");
        String token = Mailbox.token(mailbox.linkTo("verify1@example.com"));
        assertThat(registration.verifyEmail(token)).isEqualTo(LinkOutcome.DONE);
        assertThat(accounts.findById(id.value()).orElseThrow().emailVerified()).isTrue();
        assertThat(registration.verifyEmail(token)).isEqualTo(LinkOutcome.ALREADY_DONE);
    }

    @Test
    void tampered_foreign_and_expired_verification_links_are_refused() {
        var id = signUp("verify2@example.com");
        String token = Mailbox.token(mailbox.linkTo("verify2@example.com", "verify-email"));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(registration.verifyEmail(tampered)).isEqualTo(LinkOutcome.INVALID);
        assertThat(registration.verifyEmail("")).isEqualTo(LinkOutcome.INVALID);
        assertThat(registration.verifyEmail("abc.def")).isEqualTo(LinkOutcome.INVALID);
        // a reset token is signed too, but for another purpose
        clock.advance(Duration.ofMinutes(2));
        registration.requestPasswordReset("verify2@example.com");
        assertThat(registration.verifyEmail(Mailbox.token(mailbox.linkTo("verify2@example.com", "reset-password"))))
                .isEqualTo(LinkOutcome.INVALID);

        clock.advance(RegistrationService.VERIFY_TTL.plusMinutes(1));
        assertThat(registration.verifyEmail(token)).isEqualTo(LinkOutcome.EXPIRED);
        assertThat(accounts.findById(id.value()).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void resending_is_allowed_once_a_minute_and_the_new_link_works() {
        signUp("resend@example.com");
        TestAccounts.signIn(testAccounts.user("resend@example.com"));
        assertThat(registration.resendVerification()).as("within the first minute").isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(registration.resendVerification()).isTrue();
        assertThat(mailbox.to("resend@example.com")).hasSize(2);
        assertThat(registration.verifyEmail(Mailbox.token(mailbox.linkTo("resend@example.com", "verify-email")))).isEqualTo(LinkOutcome.DONE);
    }

    @Test
    void a_reset_sets_the_password_ends_sessions_and_tokens_and_works_only_once() {
        var id = signUp("reset1@example.com");
        BaeumUser before = testAccounts.user("reset1@example.com");
        tokens.issue(before);
        clock.advance(Duration.ofMinutes(2));
        registration.requestPasswordReset("RESET1@example.com");
        assertThat(mailbox.to("reset1@example.com")).anySatisfy(m -> assertThat(m.subject()).contains("비밀번호 재설정"));
        String token = Mailbox.token(mailbox.linkTo("reset1@example.com", "reset-password"));
        assertThat(registration.checkReset(token)).isEqualTo(LinkOutcome.DONE);

        assertThatThrownBy(() -> registration.resetPassword(token, "short")).isInstanceOf(InvalidInputException.class);
        assertThat(registration.checkReset(token)).as("a refused password leaves the link usable").isEqualTo(LinkOutcome.DONE);

        assertThat(registration.resetPassword(token, "새로운 비밀번호 두 번째")).isEqualTo(LinkOutcome.DONE);
        var stored = accounts.findById(id.value()).orElseThrow();
        assertThat(encoder.matches("새로운 비밀번호 두 번째", stored.passwordHash())).isTrue();
        assertThat(encoder.matches(PASSWORD, stored.passwordHash())).isFalse();
        assertThat(sessions.stillValid(id.value(), before.sessionEpoch())).as("old sessions end").isFalse();
        assertThat(tokens.tokensOf(id.value())).as("API tokens end").isEmpty();
        assertThat(stored.emailVerified()).as("the link reached the address").isTrue();

        assertThat(registration.resetPassword(token, "또 다른 비밀번호 세 번째")).isIn(LinkOutcome.USED);
        assertThat(registration.checkReset(token)).isEqualTo(LinkOutcome.USED);
    }

    @Test
    void reset_links_expire_after_an_hour() {
        signUp("reset2@example.com");
        clock.advance(Duration.ofMinutes(2));
        registration.requestPasswordReset("reset2@example.com");
        String token = Mailbox.token(mailbox.linkTo("reset2@example.com", "reset-password"));
        clock.advance(RegistrationService.RESET_TTL.plusSeconds(1));
        assertThat(registration.checkReset(token)).isEqualTo(LinkOutcome.EXPIRED);
        assertThat(registration.resetPassword(token, "새로운 비밀번호 두 번째")).isEqualTo(LinkOutcome.EXPIRED);
    }

    @Test
    void a_reset_request_for_an_unknown_address_sends_nothing_and_says_nothing() {
        int before = mailbox.to("nobody@example.com").size();
        registration.requestPasswordReset("nobody@example.com");
        registration.requestPasswordReset(null);
        registration.requestPasswordReset("not an address");
        assertThat(mailbox.to("nobody@example.com")).hasSize(before);
    }

    @Test
    void nothing_about_a_resident_registration_number_is_stored() {
        var id = signUp("rrn@example.com");
        Document raw = database.getCollection(AccountRepository.COLLECTION).find(new Document("_id", id.value())).first();
        // exactly these fields (emailVerifiedAt comes with the confirmation), so a new one (a resident registration number above all) needs a decision here
        assertThat(raw.keySet()).containsExactlyInAnyOrder("_id", "username", "email", "displayName", "roles", "enabled",
                "language", "passwordHash", "createdAt", "mobile", "birthDate", "district", "sessionEpoch", "reminders",
                "linkMailAt", "reductionClaims", "noShowMarks"); // false: no claim approved yet (decision 0060), no
        // no-show mark yet (decision 0065)
        assertThat(raw.getBoolean("noShowMarks")).isFalse();
    }

    @Test
    void the_reminder_link_turns_reminders_off_once_and_a_forged_one_changes_nothing() {
        var id = signUp("quiet.please@example.com");
        TestAccounts.signIn(testAccounts.userOrCreate("unsub-staff", org.baeum.base.security.Role.STAFF));
        String link = registration.unsubscribeLink(id);
        TestAccounts.signOut();
        String token = Mailbox.token(link);
        assertThat(registration.unsubscribe(token.substring(0, token.length() - 2) + "xx")).isEqualTo(LinkOutcome.INVALID);
        assertThat(accounts.findById(id.value()).orElseThrow().reminders()).isTrue();
        assertThat(registration.unsubscribe(token)).isEqualTo(LinkOutcome.DONE);
        assertThat(accounts.findById(id.value()).orElseThrow().reminders()).isFalse();
        assertThat(registration.unsubscribe(token)).isEqualTo(LinkOutcome.ALREADY_DONE);
        clock.advance(RegistrationService.UNSUBSCRIBE_TTL.plusDays(1));
        assertThat(registration.unsubscribe(token)).isEqualTo(LinkOutcome.EXPIRED);
    }
}
