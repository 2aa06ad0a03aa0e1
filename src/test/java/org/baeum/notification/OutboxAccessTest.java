package org.baeum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Only STAFF and ADMIN read the outbox and send notifications again; only the portal itself adds or erases mail. */
@BaeumIntegrationTest
class OutboxAccessTest {

    static String failedId;

    @Autowired
    NotificationService notifications;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts, @Autowired OutboxRows rows) {
        accounts.create("outbox-citizen", Role.CITIZEN);
        accounts.create("outbox-instructor", Role.INSTRUCTOR);
        accounts.create("outbox-admin", Role.ADMIN);
        accounts.create("outbox-staff", Role.STAFF);
        failedId = rows.failed("access-failed", OutboxRows.recipient("kang.minji@example.com", "강민지"), "550 no such user");
    }

    private void refused() {
        assertThatThrownBy(() -> notifications.outbox(null, null, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.count(null, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.message(failedId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.resend(failedId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.countByState(OutboxState.FAILED)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.eraseFor("acc-kang")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.enqueue(NotificationRequest.now("forged:1", NotificationKind.PASSWORD_RESET,
                OutboxRows.recipient("victim@example.com", "피해자"), java.util.List.of(), java.util.Map.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.enqueueAll(java.util.List.of(NotificationRequest.now("forged:3",
                NotificationKind.PASSWORD_RESET, OutboxRows.recipient("victim@example.com", "피해자"), java.util.List.of(),
                java.util.Map.of())))).isInstanceOf(AccessDeniedException.class);
        assertThat(SystemIdentity.call(() -> notifications.countByState(OutboxState.FAILED))).as("still failed").isEqualTo(1);
        assertThat(SystemIdentity.call(() -> notifications.count(null, null, "victim@example.com"))).as("nothing forged").isZero();
    }

    @Test
    @WithUserDetails("outbox-citizen")
    void a_citizen_can_neither_read_nor_resend_the_outbox() {
        refused();
    }

    @Test
    @WithUserDetails("outbox-instructor")
    void an_instructor_can_neither_read_nor_resend_the_outbox() {
        refused();
    }

    @Test
    void an_anonymous_caller_can_neither_read_nor_resend_the_outbox() {
        assertThatThrownBy(() -> notifications.outbox(null, null, null, 0, 10))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        assertThatThrownBy(() -> notifications.resend(failedId))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    @WithUserDetails("outbox-staff")
    void staff_read_the_outbox_but_can_neither_add_mail_nor_erase_it() {
        assertThat(notifications.countByState(OutboxState.FAILED)).isEqualTo(1);
        assertThatThrownBy(() -> notifications.enqueue(NotificationRequest.now("forged:2", NotificationKind.PASSWORD_RESET,
                OutboxRows.recipient("victim@example.com", "피해자"), java.util.List.of(), java.util.Map.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.enqueueAll(java.util.List.of(NotificationRequest.now("forged:4",
                NotificationKind.PASSWORD_RESET, OutboxRows.recipient("victim@example.com", "피해자"), java.util.List.of(),
                java.util.Map.of())))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.eraseFor("acc-kang")).isInstanceOf(AccessDeniedException.class);
        assertThat(notifications.count(OutboxState.FAILED, null, null)).as("nothing erased").isEqualTo(1);
        assertThat(notifications.count(null, null, "victim@example.com")).as("nothing forged").isZero();
    }

    @Test
    @WithUserDetails("outbox-admin")
    void an_admin_reads_the_outbox_with_the_recipient_masked() {
        assertThat(notifications.outbox(OutboxState.FAILED, null, null, 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(failedId);
            assertThat(e.maskedRecipient()).isEqualTo("k***@example.com");
            assertThat(e.lastError()).isEqualTo("550 no such user");
        });
        assertThat(notifications.count(null, null, "KANG.MINJI@example.com")).isEqualTo(1);
    }
}
