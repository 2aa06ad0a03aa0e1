package org.baeum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.base.mail.EmbeddedSmtp;
import org.baeum.base.mail.SentMail;
import org.baeum.base.mail.SentMailbox;
import org.baeum.base.scheduling.DueWork;
import org.baeum.base.security.SystemIdentity;
import org.baeum.notification.internal.Delivery;
import org.baeum.notification.internal.MailTemplates;
import org.baeum.notification.internal.NotificationSettings;
import org.baeum.notification.internal.OutboxDocument;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class NotificationServiceTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    Delivery delivery;
    @Autowired
    SentMailbox sent;
    @Autowired
    Mailbox mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    MailTemplates templates;
    @Autowired
    NotificationSettings settings;
    @Autowired
    MongoDatabase database;
    @Autowired
    org.baeum.TestAccounts accounts;

    @AfterEach
    void reset() {
        clock.reset();
    }

    /** Features add mail as the portal itself (the outbox refuses anybody else). */
    private java.util.Optional<String> enqueue(NotificationRequest request) {
        return SystemIdentity.call(() -> notifications.enqueue(request));
    }

    static Recipient person(String email, boolean reminders) {
        return new Recipient("acc-" + email, email, "홍길동", Locale.KOREAN, reminders);
    }

    static NotificationRequest reminder(String key, String email) {
        return NotificationRequest.now(key, NotificationKind.CLASS_REMINDER, person(email, true),
                List.of("수영 초급", "내일 오전 10:00", "본관 수영장"), Map.of("open", "http://localhost/catalog", "unsubscribe", "http://localhost/u"));
    }

    @Test
    void every_kind_has_every_text_in_both_languages_and_renders_without_gaps() {
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale, new ResourceBundle.Control() {
                @Override
                public List<Locale> getCandidateLocales(String baseName, Locale l) {
                    return List.of(l);
                }

                @Override
                public Locale getFallbackLocale(String baseName, Locale l) {
                    return null;
                }
            });
            for (NotificationKind kind : NotificationKind.values()) {
                for (String key : MailTemplates.keys(kind)) {
                    assertThat(bundle.containsKey(key)).as("%s in %s", key, locale).isTrue();
                }
                Map<String, String> links = new java.util.HashMap<>();
                kind.links().forEach(l -> links.put(l, "https://baeum.example/" + l));
                MailTemplates.Rendered r = templates.render(kind, locale, "홍길동",
                        List.of("P0", "P1", "P2", "P3"), links);
                assertThat(r.subject() + r.text() + r.html()).as("%s in %s", kind, locale)
                        .doesNotContain("!mail.").doesNotContain("{0}").doesNotContain("{1}");
                kind.links().forEach(l -> assertThat(r.text()).contains("https://baeum.example/" + l));
                assertThat(r.html()).contains("lang=\"" + locale.getLanguage() + "\"");
            }
        }
    }

    @Test
    void a_retried_request_adds_no_second_row_and_no_second_mail() {
        var first = enqueue(reminder("reminder:o1:a1", "twice@example.com"));
        var second = enqueue(reminder("reminder:o1:a1", "twice@example.com"));
        assertThat(second).isEqualTo(first);
        assertThat(database.getCollection(OutboxRepository.COLLECTION).countDocuments(new Document("key", "reminder:o1:a1"))).isEqualTo(1);
        assertThat(mailbox.to("twice@example.com")).hasSize(1);
    }

    @Test
    void a_batch_adds_each_key_once_and_leaves_out_reminders_turned_off() {
        List<NotificationRequest> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(reminder("batch:" + i, "batch" + i + "@example.com"));
        }
        batch.add(NotificationRequest.now("batch:quiet", NotificationKind.CLASS_REMINDER,
                person("batch-quiet@example.com", false), List.of("a", "b", "c"), Map.of()));
        assertThat(SystemIdentity.call(() -> notifications.enqueueAll(batch))).isEqualTo(5);
        batch.add(reminder("batch:5", "batch5@example.com"));
        assertThat(SystemIdentity.call(() -> notifications.enqueueAll(batch))).as("only the new key").isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            assertThat(mailbox.to("batch" + i + "@example.com")).hasSize(1);
        }
        assertThat(mailbox.to("batch-quiet@example.com")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifications.enqueueAll(batch))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void reminders_respect_the_persons_choice_and_essential_mail_always_goes() {
        assertThat(enqueue(NotificationRequest.now("r:no", NotificationKind.CLASS_REMINDER,
                person("quiet@example.com", false), List.of("a", "b", "c"), Map.of()))).isEmpty();
        assertThat(enqueue(NotificationRequest.now("c:no", NotificationKind.ENROLMENT_CONFIRMED,
                person("quiet@example.com", false), List.of("a", "b", "c"), Map.of()))).isPresent();
        assertThat(mailbox.to("quiet@example.com")).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("신청이 완료되었습니다"));
    }

    @Test
    void during_a_mail_outage_200_notifications_wait_and_after_it_each_arrives_once_with_its_message_id() {
        mailbox.flush();
        EmbeddedSmtp.stop(sent);
        int before = EmbeddedSmtp.count(sent);
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                ids.add(enqueue(reminder("outage:" + i, "outage-" + i + "@example.com")).orElseThrow());
            }
            Delivery.Result result = delivery.deliverDue();
            // the background job may have taken some first; either way none was sent and all wait to retry
            assertThat(result.sent()).isZero();
            await(() -> outbox.due().count(DueWork.Status.PENDING) == 200 && outbox.due().count(DueWork.Status.CLAIMED) == 0);
            assertThat(EmbeddedSmtp.count(sent)).isEqualTo(before);
            List<OutboxDocument> waiting = ids.stream().map(id -> outbox.findById(id).orElseThrow()).toList();
            assertThat(waiting).allSatisfy(r -> {
                assertThat(r.attempts()).isEqualTo(1);
                assertThat(r.lastError()).isNotBlank();
                assertThat(r.dueAt()).isAfter(clock.instant());
            });
        } finally {
            EmbeddedSmtp.start(sent);
        }
        clock.advance(settings.backoff(1).plusSeconds(1));
        mailbox.flush();
        assertThat(EmbeddedSmtp.count(sent)).isEqualTo(before + 200);
        Set<String> expectedIds = new HashSet<>();
        ids.forEach(id -> expectedIds.add(outbox.findById(id).orElseThrow().messageId()));
        List<String> received = EmbeddedSmtp.whole(sent, 0, 1_000).stream().map(SentMail::messageId)
                .filter(expectedIds::contains).toList();
        assertThat(received).hasSize(200).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(DueWork.Status.DONE));
    }

    @Test
    void a_notification_that_keeps_failing_ends_failed_and_staff_can_send_it_again() {
        EmbeddedSmtp.stop(sent);
        String id;
        try {
            id = enqueue(reminder("fails:1", "fails@example.com")).orElseThrow();
            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                delivery.deliverDue();
                await(() -> outbox.due().count(DueWork.Status.CLAIMED) == 0);
                clock.advance(settings.maxRetry().plusSeconds(1));
            }
            assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(DueWork.Status.FAILED);
        } finally {
            EmbeddedSmtp.start(sent);
        }
        org.baeum.TestAccounts.signIn(accounts.userOrCreate("outbox-citizen", org.baeum.base.security.Role.CITIZEN));
        String failedId = id;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifications.resend(failedId))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.baeum.TestAccounts.signIn(accounts.userOrCreate("outbox-staff", org.baeum.base.security.Role.STAFF));
        try {
            assertThat(notifications.resend(id)).isTrue();
            assertThat(notifications.resend(id)).as("only a failed row").isFalse();
        } finally {
            org.baeum.TestAccounts.signOut();
        }
        assertThat(mailbox.to("fails@example.com")).hasSize(1);
        assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(DueWork.Status.DONE);
    }

    @Test
    void attachments_such_as_a_calendar_file_arrive_with_the_mail() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        enqueue(new NotificationRequest("enrolled:x:1", NotificationKind.ENROLMENT_CONFIRMED,
                person("calendar@example.com", true), List.of("수영 초급", "12월 1일 10:00", "본관 수영장"), Map.of(),
                List.of(new NotificationRequest.Attachment("sessions.ics", "text/calendar", ics)), null));
        mailbox.flush();
        MimeMessage message = java.util.Arrays.stream(EmbeddedSmtp.received(sent))
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("calendar@example.com");
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        Multipart parts = (Multipart) message.getContent();
        boolean found = false;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if ("sessions.ics".equals(part.getFileName())) {
                found = true;
                assertThat(part.getContentType()).startsWith("text/calendar");
            }
        }
        assertThat(found).as("sessions.ics attached").isTrue();
    }

    @Test
    void an_accounts_notifications_are_erased_with_it() {
        enqueue(reminder("erase:1", "erase@example.com"));
        assertThat(SystemIdentity.call(() -> notifications.eraseFor("acc-erase@example.com"))).isEqualTo(1);
        assertThat(database.getCollection(OutboxRepository.COLLECTION).countDocuments(new Document("toAddress", "erase@example.com"))).isZero();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition);
    }

    @Test
    void staff_reading_a_message_never_see_a_usable_link_and_the_reading_is_logged() {
        String id = enqueue(NotificationRequest.now("reset:view:1", NotificationKind.PASSWORD_RESET,
                person("secret.link@example.com", true), List.of("내일 10:00"),
                Map.of("open", "http://localhost:8080/reset-password?token=abc.DEF_123-xyz"))).orElseThrow();
        org.baeum.TestAccounts.signIn(accounts.userOrCreate("outbox-reader", org.baeum.base.security.Role.STAFF));
        try {
            OutboxMessage message = notifications.message(id).orElseThrow();
            assertThat(message.textBody() + message.htmlBody()).doesNotContain("abc.DEF_123-xyz").contains("reset-password?token=");
            assertThat(message.to()).isEqualTo("s***@example.com");
        } finally {
            org.baeum.TestAccounts.signOut();
        }
        assertThat(database.getCollection("access_log").countDocuments(new Document("subjectAccountId", "acc-secret.link@example.com")
                .append("action", "VIEW_NOTIFICATION"))).isEqualTo(1);
    }
}
