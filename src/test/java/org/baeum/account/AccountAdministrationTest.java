package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.TestAccounts;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SessionValidity;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

@BaeumIntegrationTest
class AccountAdministrationTest {

    @Autowired
    AccountAdministration administration;
    @Autowired
    RegistrationService registration;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    MongoDatabase database;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SessionValidity sessions;
    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    long logEntries(String subject, AccessAction action) {
        return database.getCollection("access_log")
                .countDocuments(new Document("subjectAccountId", subject).append("action", action.name()));
    }

    @Test
    void staff_find_citizens_in_masked_lists_and_every_opening_of_the_full_record_is_logged() {
        BaeumUser citizen = accounts.citizen("kim.yong@example.com", "김민용", LocalDate.of(1960, 3, 1), "01098765678");
        TestAccounts.signIn(accounts.userOrCreate("adm-staff", Role.STAFF));
        for (String query : new String[] {"김민", "kim.yong@example.com", "98765678", "010-9876-5678"}) {
            assertThat(administration.findCitizens(query)).as(query).singleElement().satisfies(s -> {
                assertThat(s.maskedName()).isEqualTo("김*용");
                assertThat(s.maskedEmail()).isEqualTo("k***@example.com");
                assertThat(s.maskedMobile()).isEqualTo("010-****-5678");
                assertThat(s.toString()).doesNotContain("김민용").doesNotContain("kim.yong@").doesNotContain("98765678");
            });
        }
        assertThat(logEntries(citizen.accountId(), AccessAction.VIEW_PROFILE)).isZero();
        var record = administration.citizen(new AccountId(citizen.accountId()));
        assertThat(record.account().email()).isEqualTo("kim.yong@example.com");
        administration.citizen(new AccountId(citizen.accountId()));
        assertThat(logEntries(citizen.accountId(), AccessAction.VIEW_PROFILE)).isEqualTo(2);
    }

    @Test
    void citizens_and_instructors_cannot_search_or_open_citizen_records() {
        BaeumUser citizen = accounts.citizen("private@example.com", "이비밀", LocalDate.of(1970, 1, 1));
        for (Role role : new Role[] {Role.CITIZEN, Role.INSTRUCTOR}) {
            TestAccounts.signIn(accounts.userOrCreate("adm-" + role.name().toLowerCase(), role));
            assertThatThrownBy(() -> administration.findCitizens("이")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.citizen(new AccountId(citizen.accountId()))).isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signIn(accounts.userOrCreate("adm-staff2", Role.STAFF));
        assertThatThrownBy(() -> administration.createStaffAccount(new AccountAdministration.NewStaffAccount(
                "새강사", "new.teacher", "t@example.com", Role.INSTRUCTOR, "ko"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.setEnabled(new AccountId(citizen.accountId()), false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void admin_creates_an_instructor_who_sets_a_password_through_the_invitation() {
        TestAccounts.signIn(accounts.userOrCreate("adm-admin", Role.ADMIN));
        Account created = administration.createStaffAccount(new AccountAdministration.NewStaffAccount(
                "정강사", "jung.teacher", "jung.teacher@example.com", Role.INSTRUCTOR, "ko"));
        assertThat(created.roles()).containsExactly(Role.INSTRUCTOR);
        assertThat(created.emailVerified()).isFalse();
        assertThat(logEntries(created.id().value(), AccessAction.CREATE_ACCOUNT)).isEqualTo(1);
        var mail = mailbox.newestTo("jung.teacher@example.com").orElseThrow();
        assertThat(mail.subject()).contains("계정이 만들어졌습니다");
        String token = Mailbox.token(Mailbox.link(mail));
        assertThat(registration.resetPassword(token, "강사님의 새 비밀번호 하나")).isEqualTo(LinkOutcome.DONE);
        assertThat(encoder.matches("강사님의 새 비밀번호 하나", accounts.user("jung.teacher").getPassword())).isTrue();

        assertThatThrownBy(() -> administration.createStaffAccount(new AccountAdministration.NewStaffAccount(
                "정강사", "jung.teacher", "other@example.com", Role.STAFF, "ko")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().messageKey())
                        .isEqualTo("admin.username.taken"));
        assertThatThrownBy(() -> administration.createStaffAccount(new AccountAdministration.NewStaffAccount(
                "", "X", "bad", Role.CITIZEN, "ko"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).hasSize(4));
    }

    @Test
    void deactivation_ends_sessions_and_tokens_at_once_and_reactivation_allows_sign_in_again() {
        BaeumUser worker = accounts.userOrCreate("adm-leaving", Role.STAFF);
        tokens.issue(worker);
        BaeumUser admin = accounts.userOrCreate("adm-admin2", Role.ADMIN);
        TestAccounts.signIn(admin);
        administration.setEnabled(new AccountId(worker.accountId()), false);
        assertThat(sessions.stillValid(worker.accountId(), worker.sessionEpoch())).isFalse();
        assertThat(tokens.tokensOf(worker.accountId())).isEmpty();
        assertThat(accounts.user("adm-leaving").isEnabled()).isFalse();
        assertThat(logEntries(worker.accountId(), AccessAction.DEACTIVATE_ACCOUNT)).isEqualTo(1);
        administration.setEnabled(new AccountId(worker.accountId()), true);
        assertThat(accounts.user("adm-leaving").isEnabled()).isTrue();
        assertThatThrownBy(() -> administration.setEnabled(new AccountId(admin.accountId()), false))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_admin_password_reset_signs_the_person_out_and_mails_them_a_link() {
        BaeumUser worker = accounts.userOrCreate("adm-forgetful", Role.STAFF);
        TestAccounts.signIn(accounts.userOrCreate("adm-admin3", Role.ADMIN));
        assertThat(administration.resetPassword(new AccountId(worker.accountId()))).isTrue();
        assertThat(sessions.stillValid(worker.accountId(), worker.sessionEpoch())).isFalse();
        String token = Mailbox.token(mailbox.linkTo("adm-forgetful@test.baeum"));
        assertThat(registration.checkReset(token)).isEqualTo(LinkOutcome.DONE);
        assertThat(logEntries(worker.accountId(), AccessAction.RESET_PASSWORD)).isEqualTo(1);
    }
}
