package org.baeum.base.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param host         {@code BAEUM_SMTP_HOST}: the SMTP server; empty runs an in-process one whose mail
 *                     STAFF read in the portal ("Sent mail")
 * @param port         {@code BAEUM_SMTP_PORT}
 * @param username     {@code BAEUM_SMTP_USERNAME}: empty for none
 * @param password     {@code BAEUM_SMTP_PASSWORD}
 * @param starttls     {@code BAEUM_SMTP_STARTTLS}: require STARTTLS (for a real server)
 * @param from         {@code BAEUM_MAIL_FROM}: the sender address
 * @param embeddedPort {@code BAEUM_EMBEDDED_SMTP_PORT}: the in-process server's port, 0 for a free one
 */
@ConfigurationProperties("baeum.mail")
public record MailSettings(String host, int port, String username, String password, boolean starttls, String from,
                           int embeddedPort) {

    public MailSettings {
        host = host == null ? "" : host.trim();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        from = from == null || from.isBlank() ? "Baeum <no-reply@baeum.localhost>" : from;
    }

    public boolean embedded() {
        return host.isEmpty();
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", starttls=" + starttls + ", from=" + from + "]";
    }
}
