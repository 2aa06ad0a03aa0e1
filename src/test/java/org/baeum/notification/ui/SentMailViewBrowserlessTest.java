package org.baeum.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.mail.Mailer;
import org.baeum.base.mail.SentMail;
import org.baeum.base.mail.SentMailbox;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@BaeumIntegrationTest
class SentMailViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    SentMailbox mailbox;

    @BeforeAll
    static void setUp(@Autowired TestAccounts accounts, @Autowired Mailer mailer, @Autowired SentMailbox mailbox) {
        accounts.create("mail-staff", Role.STAFF);
        int before = mailbox.count();
        mailer.send(new Mailer.OutgoingMail("lee@example.com", "수강 신청이 완료되었습니다", "수영 초급반 신청 완료", null,
                "<view-test@baeum.localhost>"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.count() > before);
    }

    @Test
    @WithUserDetails("mail-staff")
    void staff_read_the_mail_the_portal_sent() {
        SentMailView view = navigate(SentMailView.class);
        @SuppressWarnings("unchecked")
        Grid<SentMail> grid = $(Grid.class, view).single();
        assertThat(test(grid).size()).isEqualTo(mailbox.count());
        int row = java.util.stream.IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).subject().equals("수강 신청이 완료되었습니다")).findFirst().orElseThrow();
        test(grid).select(row);
        assertThat($(Pre.class).all()).extracting(Pre::getText).anySatisfy(t -> assertThat(t).contains("수영 초급반 신청 완료"));
    }
}
