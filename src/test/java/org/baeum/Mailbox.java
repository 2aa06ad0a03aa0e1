package org.baeum;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baeum.base.mail.SentMail;
import org.springframework.stereotype.Component;

/** Reads what the portal mailed, through the in-process SMTP server: the newest mail to an address and its link. */
@Component
public class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=[A-Za-z0-9%._-]+");

    private final org.springframework.context.ApplicationContext context;
    private final org.baeum.notification.internal.Delivery delivery;
    private final com.mongodb.client.MongoDatabase database;
    private final java.time.Clock clock;

    Mailbox(org.springframework.context.ApplicationContext context, org.baeum.notification.internal.Delivery delivery, com.mongodb.client.MongoDatabase database,
            java.time.Clock clock) {
        this.context = context;
        this.delivery = delivery;
        this.database = database;
        this.clock = clock;
    }

    /**
     * Sends what the outbox holds now (mail goes out from a job, after the request) and waits until no row that is
     * due is waiting or being sent, so that the test sees every mail the code under test asked for.
     */
    public void flush() {
        var outbox = database.getCollection(org.baeum.notification.internal.OutboxRepository.COLLECTION);
        org.awaitility.Awaitility.await("notifications still waiting to be sent")
                .atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> {
                    delivery.deliverDue();
                    return outbox.countDocuments(com.mongodb.client.model.Filters.or(
                            com.mongodb.client.model.Filters.eq("status", "CLAIMED"),
                            com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("status", "PENDING"),
                                    com.mongodb.client.model.Filters.lte("dueAt", clock.instant())))) == 0;
                });
    }

    public List<SentMail> to(String address) {
        flush();
        return org.baeum.base.mail.EmbeddedSmtpServers.whole(context, 500).stream().filter(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(address))).toList();
    }

    public Optional<SentMail> newestTo(String address) {
        return to(address).stream().findFirst();
    }

    /** The signed link in the newest mail to the address. */
    public String linkTo(String address) {
        SentMail mail = newestTo(address).orElseThrow(() -> new AssertionError("No mail to " + address));
        return link(mail);
    }

    /** The newest link to a page ({@code reset-password}, {@code verify-email}) in mail to the address. */
    public String linkTo(String address, String page) {
        return to(address).stream().filter(m -> LINK.matcher(m.textBody()).find()).map(Mailbox::link)
                .filter(l -> l.contains("/" + page + "?")).findFirst()
                .orElseThrow(() -> new AssertionError("No " + page + " link in mail to " + address));
    }

    public static String link(SentMail mail) {
        Matcher m = LINK.matcher(mail.textBody());
        if (!m.find()) {
            throw new AssertionError("No link in mail '" + mail.subject() + "'");
        }
        return m.group();
    }

    /** The token part of the link, URL-decoded. */
    public static String token(String link) {
        return java.net.URLDecoder.decode(link.substring(link.indexOf("?token=") + 7), java.nio.charset.StandardCharsets.UTF_8);
    }
}
