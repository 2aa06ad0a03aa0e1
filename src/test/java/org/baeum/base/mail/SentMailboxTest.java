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
}
