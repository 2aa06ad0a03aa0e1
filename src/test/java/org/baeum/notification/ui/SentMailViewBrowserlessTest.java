package org.baeum.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.TestAccounts;
import org.baeum.account.RegistrationService;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.Role;
import org.baeum.notification.OwnMail;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Sent mail for staff never shows a usable link (a password reset for the admin was the way in), and the recipient
 * reads the same mail whole in their own mailbox.
 */
@BaeumIntegrationTest
class SentMailViewBrowserlessTest extends SpringBrowserlessTest {

    static final String OWNER = "mail.owner@example.com";
    static String link;
    static String ownerId;

    @Autowired
    MongoDatabase database;

    @BeforeAll
    static void setUp(@Autowired TestAccounts accounts, @Autowired RegistrationService registration,
                      @Autowired Mailbox mailbox) {
        accounts.create("mail-staff", Role.STAFF);
        ownerId = accounts.citizen(OWNER, "박메일", LocalDate.of(1970, 1, 2)).accountId();
        accounts.citizen("mail.other@example.com", "남의메일", LocalDate.of(1971, 1, 2));
        registration.requestPasswordReset(OWNER);
        link = mailbox.linkTo(OWNER, "reset-password");
    }

    @Test
    @WithUserDetails("mail-staff")
    void staff_see_the_reset_mail_with_its_token_hidden_and_the_recipient_masked_and_the_opening_is_logged() {
        SentMailView view = navigate(SentMailView.class);
        @SuppressWarnings("unchecked")
        Grid<SentMail> grid = $(Grid.class, view).single();
        int row = IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).subject().contains("비밀번호")).findFirst().orElseThrow();
        assertThat(test(grid).getCellText(row, 1)).isEqualTo("m***@example.com");
        String token = Mailbox.token(link);
        long logged = accessLogged();

        test(grid).select(row);

        String text = $(Pre.class).last().getText();
        assertThat(text).contains("/reset-password?token=\u2022\u2022\u2022").doesNotContain(token)
                .doesNotContain(java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).noneMatch(p -> p.contains(OWNER));
        assertThat(accessLogged()).as("the opening is in the access log").isEqualTo(logged + 1);
    }

    @Test
    @WithUserDetails(OWNER)
    void the_recipient_reads_the_same_mail_whole_with_a_working_link() {
        MyMailView view = navigate(MyMailView.class);
        @SuppressWarnings("unchecked")
        Grid<OwnMail> grid = $(Grid.class, view).single();
        int row = IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).subject().contains("비밀번호")).findFirst().orElseThrow();
        test(grid).select(row);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains(link);
    }

    @Test
    @WithUserDetails("mail.other@example.com")
    void another_citizen_does_not_see_it() {
        MyMailView view = navigate(MyMailView.class);
        @SuppressWarnings("unchecked")
        Grid<OwnMail> grid = $(Grid.class, view).single();
        assertThat(IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i)))
                .noneMatch(m -> m.textBody().contains(Mailbox.token(link)) || m.to().equals(OWNER));
    }

    private long accessLogged() {
        return database.getCollection("access_log").countDocuments(new Document("subjectAccountId", ownerId)
                .append("action", "VIEW_NOTIFICATION"));
    }
}
