package org.baeum.notification;

import java.util.Locale;

/**
 * Who gets a notification. The sending feature fills it from the account feature (the notification feature reads no
 * accounts): {@code accountId} may be empty for an address that has no account yet.
 *
 * @param wantsReminders the person's choice for non-essential mail
 */
public record Recipient(String accountId, String email, String name, Locale language, boolean wantsReminders) {

    @Override
    public String toString() {
        return "Recipient[" + accountId + "]";
    }
}
