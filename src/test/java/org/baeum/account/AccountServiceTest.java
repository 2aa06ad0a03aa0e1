package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.TestAccounts;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SecuritySettings;
import org.baeum.base.security.SessionValidity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@BaeumIntegrationTest
class AccountServiceTest {

    @Autowired
    AccountService service;
    @Autowired
    RegistrationService registration;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    Mailbox mailbox;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SessionValidity sessions;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SecuritySettings settings;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_new_email_address_needs_the_current_password_and_its_own_confirmation() {
        BaeumUser me = accounts.citizen("old.address@example.com", "주소변경", LocalDate.of(1980, 1, 1));
        TestAccounts.signIn(me);
        assertThatThrownBy(() -> service.changeMyEmail("wrong", "new.address@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("currentPassword"));
        assertThat(repository.findByLogin("new.address@example.com")).isEmpty();

        assertThat(service.changeMyEmail(TestAccounts.PASSWORD, "New.Address@example.com")).isTrue();
        Account changed = service.myAccount();
        assertThat(changed.email()).isEqualTo("new.address@example.com");
        assertThat(changed.username()).as("a citizen's user name follows the address").isEqualTo("new.address@example.com");
        assertThat(changed.emailVerified()).isFalse();
        assertThat(mailbox.newestTo("old.address@example.com").orElseThrow().subject()).contains("이메일 주소가 바뀌었습니다");
        assertThat(registration.verifyEmail(Mailbox.token(mailbox.linkTo("new.address@example.com", "verify-email")))).isEqualTo(LinkOutcome.DONE);
        assertThat(service.myAccount().emailVerified()).isTrue();
    }

    @Test
    void another_accounts_address_cannot_be_taken() {
        accounts.citizen("someone.else@example.com", "다른사람", LocalDate.of(1980, 1, 1));
        TestAccounts.signIn(accounts.citizen("grabber@example.com", "가로채기", LocalDate.of(1980, 1, 1)));
        assertThatThrownBy(() -> service.changeMyEmail(TestAccounts.PASSWORD, "someone.else@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("account.email.taken"));
    }

    @Test
    void a_password_change_ends_every_session_and_token_and_tells_the_owner() {
        BaeumUser me = accounts.citizen("pw.change@example.com", "비번변경", LocalDate.of(1980, 1, 1));
        tokens.issue(me);
        TestAccounts.signIn(me);
        assertThatThrownBy(() -> service.changeMyPassword(TestAccounts.PASSWORD, "password"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("password"));
        service.changeMyPassword(TestAccounts.PASSWORD, "이제부터 쓸 새 비밀번호");
        assertThat(sessions.stillValid(me.accountId(), me.sessionEpoch())).isFalse();
        assertThat(tokens.tokensOf(me.accountId())).isEmpty();
        assertThat(encoder.matches("이제부터 쓸 새 비밀번호", repository.findById(me.accountId()).orElseThrow().passwordHash())).isTrue();
        assertThat(mailbox.newestTo("pw.change@example.com").orElseThrow().subject()).contains("비밀번호가 바뀌었습니다");
    }

    @Test
    void guessing_the_current_password_is_throttled_like_sign_in() {
        BaeumUser me = accounts.citizen("guessing@example.com", "추측", LocalDate.of(1980, 1, 1));
        TestAccounts.signIn(me);
        for (int i = 0; i < settings.login().maxFailuresPerAccount(); i++) {
            assertThatThrownBy(() -> service.changeMyPassword("guess", "이제부터 쓸 새 비밀번호")).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> service.changeMyPassword(TestAccounts.PASSWORD, "이제부터 쓸 새 비밀번호"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("login.error.throttled"));
        assertThat(encoder.matches(TestAccounts.PASSWORD, repository.findById(me.accountId()).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void sign_out_everywhere_ends_this_and_every_other_session() {
        BaeumUser me = accounts.citizen("everywhere@example.com", "모두로그아웃", LocalDate.of(1980, 1, 1));
        tokens.issue(me);
        TestAccounts.signIn(me);
        service.signOutEverywhere();
        assertThat(sessions.stillValid(me.accountId(), me.sessionEpoch())).isFalse();
        assertThat(tokens.tokensOf(me.accountId())).isEmpty();
        assertThat(sessions.stillValid(me.accountId(), accounts.user("everywhere@example.com").sessionEpoch()))
                .as("a new sign-in works").isTrue();
    }

    @Test
    void the_profile_keeps_a_district_for_citizens_and_refuses_bad_numbers() {
        TestAccounts.signIn(accounts.citizen("profile@example.com", "프로필", LocalDate.of(1980, 1, 1)));
        assertThatThrownBy(() -> service.updateMyProfile(new ProfileChange("프로필", "02-1234", null, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("mobile", "district"));
        Account saved = service.updateMyProfile(new ProfileChange(" 새이름 ", "010-2222-3333", District.GANGNAM, false));
        assertThat(saved.displayName()).isEqualTo("새이름");
        assertThat(saved.mobile()).isEqualTo("01022223333");
        assertThat(saved.district()).isEqualTo(District.GANGNAM);
        assertThat(saved.reminders()).isFalse();
    }
}
