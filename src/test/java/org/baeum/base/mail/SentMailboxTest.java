package org.baeum.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class SentMailboxTest {

    @Autowired
    Mailer mailer;
    @Autowired
    SentMailbox mailbox;

    @Test
    void mail_sent_through_the_in_process_server_can_be_read_back_with_a_stable_message_id() {
        int before = EmbeddedSmtp.count(mailbox);
        mailer.send(new Mailer.OutgoingMail("kim@example.com", "배움 — 이메일 주소를 확인해 주세요",
                "아래 링크를 눌러 주세요.\nhttps://baeum.example/verify", "<p>아래 링크를 눌러 주세요.</p>",
                "<test-1@baeum.localhost>"));
        await().atMost(Duration.ofSeconds(10)).until(() -> EmbeddedSmtp.count(mailbox) == before + 1);

        SentMail mail = EmbeddedSmtp.whole(mailbox, "<test-1@baeum.localhost>").orElseThrow();
        assertThat(mail.subject()).isEqualTo("배움 — 이메일 주소를 확인해 주세요");
        assertThat(mail.to()).containsExactly("kim@example.com");
        assertThat(mail.textBody()).contains("아래 링크를 눌러 주세요.");
        assertThat(mail.htmlBody()).contains("<p>");
        assertThat(EmbeddedSmtp.whole(mailbox, 0, 1).getFirst().messageId()).isEqualTo("<test-1@baeum.localhost>");
        assertThat(mailbox.available()).isTrue();
    }

    @Test
    void a_kept_connection_sends_many_messages_each_with_its_own_message_id() {
        int before = EmbeddedSmtp.count(mailbox);
        try (Mailer.Connection connection = mailer.connection()) {
            for (int i = 0; i < Mailer.MESSAGES_PER_CONNECTION + 5; i++) {
                connection.send(new Mailer.OutgoingMail("park" + i + "@example.com", "수업 알림 " + i, "내일 수업이 있습니다.",
                        i % 2 == 0 ? "<p>내일 수업이 있습니다.</p>" : null, "<kept-" + i + "@baeum.localhost>"));
            }
        }
        // past MESSAGES_PER_CONNECTION the connection was replaced; nothing was lost or sent twice
        await().atMost(Duration.ofSeconds(10)).until(() -> EmbeddedSmtp.count(mailbox) == before + Mailer.MESSAGES_PER_CONNECTION + 5);
        for (int i = 0; i < Mailer.MESSAGES_PER_CONNECTION + 5; i += 13) {
            SentMail mail = EmbeddedSmtp.whole(mailbox, "<kept-" + i + "@baeum.localhost>").orElseThrow();
            assertThat(mail.to()).containsExactly("park" + i + "@example.com");
            assertThat(mail.subject()).isEqualTo("수업 알림 " + i);
        }
        assertThat(EmbeddedSmtp.whole(mailbox, 0, 500).stream().filter(m -> m.messageId().startsWith("<kept-")).count())
                .isEqualTo(Mailer.MESSAGES_PER_CONNECTION + 5);
    }

    @Test
    void staff_read_sent_mail_with_addresses_masked_and_the_token_of_every_link_hidden() {
        int before = EmbeddedSmtp.count(mailbox);
        String token = "eyJhbGciOi.SECRET_reset-Token~42";
        mailer.send(new Mailer.OutgoingMail("admin.kim@baeum.localhost", "비밀번호 재설정",
                "재설정: https://baeum.example/reset-password?token=" + token + "\n끝",
                "<a href=\"https://baeum.example/reset-password?token=" + token + "\">재설정</a>", "<secret-1@baeum.localhost>"));
        await().atMost(Duration.ofSeconds(10)).until(() -> EmbeddedSmtp.count(mailbox) == before + 1);

        TestAccounts.signIn(new org.baeum.base.security.BaeumUser("mail-desk", "mail-desk", "직원",
                java.util.Set.of(Role.STAFF), true, java.util.Locale.KOREAN, null));
        try {
            SentMail shown = mailbox.byMessageId("<secret-1@baeum.localhost>").orElseThrow();
            assertThat(shown.to()).containsExactly("a***@baeum.localhost");
            assertThat(shown.textBody()).contains("https://baeum.example/reset-password?token=\u2022\u2022\u2022")
                    .doesNotContain(token).doesNotContain("SECRET");
            assertThat(shown.htmlBody()).contains("reset-password?token=\u2022\u2022\u2022").doesNotContain("SECRET");
            assertThat(mailbox.newest(0, 500)).filteredOn(m -> m.messageId().equals("<secret-1@baeum.localhost>"))
                    .singleElement().satisfies(m -> {
                        assertThat(m.textBody()).doesNotContain(token);
                        assertThat(m.to()).containsExactly("a***@baeum.localhost");
                    });
        } finally {
            TestAccounts.signOut();
        }
        assertThat(EmbeddedSmtp.whole(mailbox, "<secret-1@baeum.localhost>").orElseThrow().textBody())
                .as("the recipient's copy is whole").contains(token);
    }

    @Test
    void nobody_but_staff_and_admin_reads_sent_mail_even_hidden() {
        for (Role role : new Role[] {Role.CITIZEN, Role.INSTRUCTOR}) {
            TestAccounts.signIn(new org.baeum.base.security.BaeumUser("mail-" + role, "mail-" + role, "누구",
                    java.util.Set.of(role), true, java.util.Locale.KOREAN, null));
            try {
                assertThatThrownBy(() -> mailbox.newest(0, 10)).as(role.name()).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> mailbox.count()).as(role.name()).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> mailbox.byMessageId("<test-1@baeum.localhost>")).as(role.name())
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> mailbox.destination()).as(role.name()).isInstanceOf(AccessDeniedException.class);
            } finally {
                TestAccounts.signOut();
            }
        }
        assertThatThrownBy(() -> mailbox.newest(0, 10)).as("anonymous").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mailbox.count()).as("anonymous").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mailbox.byMessageId("<test-1@baeum.localhost>")).as("anonymous")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mailbox.destination()).as("anonymous").isInstanceOf(AccessDeniedException.class);
        assertThat(mailbox.available()).as("whether mail can be read here is no secret").isTrue();
        for (Role desk : new Role[] {Role.STAFF, Role.ADMIN}) {
            TestAccounts.signIn(new org.baeum.base.security.BaeumUser("mail-" + desk, "mail-" + desk, "직원",
                    java.util.Set.of(desk), true, java.util.Locale.KOREAN, null));
            try {
                assertThat(mailbox.destination()).as(desk.name()).startsWith("127.0.0.1:");
            } finally {
                TestAccounts.signOut();
            }
        }
    }

    @Test
    void jakarta_mail_finds_its_stream_provider_by_name_not_by_scanning_the_class_path() {
        assertThat(System.getProperty(MailConfiguration.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailConfiguration.ANGUS_STREAM_PROVIDER);
    }
}
