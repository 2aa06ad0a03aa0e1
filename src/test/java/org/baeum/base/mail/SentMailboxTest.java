package org.baeum.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
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
        int before = mailbox.count();
        mailer.send(new Mailer.OutgoingMail("kim@example.com", "배움 — 이메일 주소를 확인해 주세요",
                "아래 링크를 눌러 주세요.\nhttps://baeum.example/verify", "<p>아래 링크를 눌러 주세요.</p>",
                "<test-1@baeum.localhost>"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.count() == before + 1);

        SentMail mail = mailbox.byMessageId("<test-1@baeum.localhost>").orElseThrow();
        assertThat(mail.subject()).isEqualTo("배움 — 이메일 주소를 확인해 주세요");
        assertThat(mail.to()).containsExactly("kim@example.com");
        assertThat(mail.textBody()).contains("아래 링크를 눌러 주세요.");
        assertThat(mail.htmlBody()).contains("<p>");
        assertThat(mailbox.newest(0, 1).getFirst().messageId()).isEqualTo("<test-1@baeum.localhost>");
        assertThat(mailbox.available()).isTrue();
    }

    @Test
    void a_kept_connection_sends_many_messages_each_with_its_own_message_id() {
        int before = mailbox.count();
        try (Mailer.Connection connection = mailer.connection()) {
            for (int i = 0; i < Mailer.MESSAGES_PER_CONNECTION + 5; i++) {
                connection.send(new Mailer.OutgoingMail("park" + i + "@example.com", "수업 알림 " + i, "내일 수업이 있습니다.",
                        i % 2 == 0 ? "<p>내일 수업이 있습니다.</p>" : null, "<kept-" + i + "@baeum.localhost>"));
            }
        }
        // past MESSAGES_PER_CONNECTION the connection was replaced; nothing was lost or sent twice
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.count() == before + Mailer.MESSAGES_PER_CONNECTION + 5);
        for (int i = 0; i < Mailer.MESSAGES_PER_CONNECTION + 5; i += 13) {
            SentMail mail = mailbox.byMessageId("<kept-" + i + "@baeum.localhost>").orElseThrow();
            assertThat(mail.to()).containsExactly("park" + i + "@example.com");
            assertThat(mail.subject()).isEqualTo("수업 알림 " + i);
        }
        assertThat(mailbox.newest(0, 500).stream().filter(m -> m.messageId().startsWith("<kept-")).count())
                .isEqualTo(Mailer.MESSAGES_PER_CONNECTION + 5);
    }

    @Test
    void jakarta_mail_finds_its_stream_provider_by_name_not_by_scanning_the_class_path() {
        assertThat(System.getProperty(MailConfiguration.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailConfiguration.ANGUS_STREAM_PROVIDER);
    }
}
