package org.baeum.notification;

/** Where a notification stands: waiting (or waiting to retry), being sent, sent, or given up after all retries. */
public enum OutboxState {
    PENDING, CLAIMED, DONE, FAILED;

    public String messageKey() {
        return "outbox.state." + name();
    }
}
