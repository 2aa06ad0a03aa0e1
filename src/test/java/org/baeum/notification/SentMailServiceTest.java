package org.baeum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.TestAccounts;
import org.baeum.account.RegistrationService;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Who reads which mail: staff everything with secrets hidden, each person their own whole, nobody another's. */
@BaeumIntegrationTest
class SentMailServiceTest {

    static final String ADMIN_MAIL = "the-admin@test.baeum";
    static BaeumUser admin;
    static BaeumUser staff;
    static BaeumUser citizen;
    static String adminResetLink;

    @Autowired
    SentMailService mail;

    @BeforeAll
    static void setUp(@Autowired TestAccounts accounts, @Autowired RegistrationService registration,
                      @Autowired Mailbox mailbox) {
        admin = accounts.create("the-admin", Role.ADMIN);
        staff = accounts.create("sent-mail-staff", Role.STAFF);
        citizen = accounts.citizen("sent.mail.citizen@example.com", "최시민", LocalDate.of(1980, 3, 4));
        registration.requestPasswordReset(ADMIN_MAIL);
        adminResetLink = mailbox.linkTo(ADMIN_MAIL, "reset-password");
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void staff_never_see_the_token_of_the_admins_reset_link() {
        TestAccounts.signIn(staff);
        String token = Mailbox.token(adminResetLink);
        assertThat(mail.newest(0, 500)).isNotEmpty().allSatisfy(m -> {
            assertThat(m.textBody()).doesNotContain(token);
            assertThat(m.htmlBody() == null ? "" : m.htmlBody()).doesNotContain(token);
            assertThat(m.to()).noneMatch(to -> to.contains(ADMIN_MAIL));
        });
        var reset = mail.newest(0, 500).stream().filter(m -> m.textBody().contains("/reset-password?token=")).findFirst()
                .orElseThrow();
        assertThat(mail.open(reset.messageId()).orElseThrow().textBody()).contains("token=\u2022\u2022\u2022")
                .doesNotContain(token);
        assertThat(mail.mine(0, 50)).as("staff's own mailbox does not hold the admin's mail").isEmpty();
    }

    @Test
    void the_admin_reads_their_own_reset_mail_whole() {
        TestAccounts.signIn(admin);
        assertThat(mail.mine(0, 50)).singleElement().satisfies(m -> {
            assertThat(m.textBody()).contains(adminResetLink);
            assertThat(mail.mine(m.id())).contains(m);
        });
        assertThat(mail.countMine()).isEqualTo(1);
    }

    @Test
    void a_citizen_neither_reads_sent_mail_nor_opens_another_accounts_mail_by_its_id() {
        TestAccounts.signIn(admin);
        String adminsMail = mail.mine(0, 1).getFirst().id();
        TestAccounts.signIn(citizen);
        assertThatThrownBy(() -> mail.newest(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mail.open("<any@baeum>")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mail.count()).isInstanceOf(AccessDeniedException.class);
        assertThat(mail.mine(adminsMail)).isEmpty();
        assertThat(mail.mine(0, 50)).noneMatch(m -> m.textBody().contains(adminResetLink));
    }

    @Test
    void nobody_signed_out_reads_any_mail() {
        assertThatThrownBy(() -> mail.mine(0, 10)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> mail.newest(0, 10)).isInstanceOf(AuthenticationException.class);
    }
}
