package org.baeum;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.security.SystemIdentity;
import org.baeum.capacity.CapacityLedger;
import org.baeum.catalog.SeatLedger;
import org.baeum.notification.NotificationService;
import org.baeum.notification.SentMailService;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Issue 13, hole 1: the services that hold mail, seats and the access log check their caller's role on the server,
 * method by method ({@code CapacityLedger}, which holds SeatLedger's seats since decision 0023, checks again). Every
 * public method of each is listed here with the check it must carry, so a method added later without a check (or with
 * a looser one) fails until somebody decides who may call it. The refusals themselves are called for real in
 * {@code OutboxAccessTest}, {@code SeatLedgerAccessTest}, {@code AccessLogTest} and {@code SentMailboxTest};
 * {@code SentMailbox} is not a proxied bean and checks the role in its own code.
 */
class SensitiveServicesSecurityTest {

    static final String SYSTEM = SystemIdentity.ONLY;
    static final String DESK = "hasAnyRole('STAFF','ADMIN')";
    static final String SIGNED_IN = "isAuthenticated()";
    /** A method that tells nothing about anybody and so needs no check (with why). */
    static final String NONE = "";

    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("NotificationService.enqueue", SYSTEM),
            Map.entry("NotificationService.enqueueAll", SYSTEM),
            Map.entry("NotificationService.eraseFor", SYSTEM),
            Map.entry("NotificationService.outbox", DESK),
            Map.entry("NotificationService.count", DESK),
            Map.entry("NotificationService.countByState", DESK),
            Map.entry("NotificationService.message", DESK),
            Map.entry("NotificationService.resend", DESK),
            // whether the in-process mail server runs: no mail, no address
            Map.entry("SentMailService.readableHere", NONE),
            Map.entry("SentMailService.destination", DESK),
            Map.entry("SentMailService.newest", DESK),
            Map.entry("SentMailService.count", DESK),
            Map.entry("SentMailService.open", DESK),
            // the caller's own mail only (the service compares the account id)
            Map.entry("SentMailService.mine", SIGNED_IN),
            Map.entry("SentMailService.countMine", SIGNED_IN),
            Map.entry("SeatLedger.claim", SYSTEM),
            Map.entry("SeatLedger.claimAll", SYSTEM),
            Map.entry("SeatLedger.join", SYSTEM),
            Map.entry("SeatLedger.queue", SYSTEM),
            Map.entry("SeatLedger.hold", SYSTEM),
            Map.entry("SeatLedger.release", SYSTEM),
            Map.entry("SeatLedger.confirm", SYSTEM),
            Map.entry("SeatLedger.waitlistShrank", SYSTEM),
            Map.entry("SeatLedger.counters", SIGNED_IN),
            Map.entry("SeatLedger.ledger", DESK),
            Map.entry("SeatLedger.needingAttention", DESK),
            // the seats (and booking slots) under SeatLedger since decision 0023: it checks again
            Map.entry("CapacityLedger.define", SYSTEM),
            Map.entry("CapacityLedger.claim", SYSTEM),
            Map.entry("CapacityLedger.claimAll", SYSTEM),
            Map.entry("CapacityLedger.join", SYSTEM),
            Map.entry("CapacityLedger.queue", SYSTEM),
            Map.entry("CapacityLedger.hold", SYSTEM),
            Map.entry("CapacityLedger.release", SYSTEM),
            Map.entry("CapacityLedger.confirm", SYSTEM),
            Map.entry("CapacityLedger.waitlistShrank", SYSTEM),
            Map.entry("CapacityLedger.changeCapacity", SYSTEM),
            Map.entry("CapacityLedger.counters", SIGNED_IN),
            Map.entry("CapacityLedger.holders", DESK),
            Map.entry("CapacityLedger.needingAttention", DESK),
            Map.entry("AccessLog.record", "hasAnyRole('INSTRUCTOR','STAFF','ADMIN')"),
            Map.entry("AccessLog.page", "hasRole('ADMIN')"),
            Map.entry("AccessLog.count", "hasRole('ADMIN')"),
            Map.entry("AccessLog.export", "hasRole('ADMIN')"),
            // ADMIN or the person themself: checked in the method against the account id asked for
            Map.entry("AccessLog.recordedFor", SIGNED_IN),
            Map.entry("AccessLog.countRecordedFor", SIGNED_IN));

    static final List<Class<?>> SERVICES = List.of(NotificationService.class, SentMailService.class, SeatLedger.class,
            CapacityLedger.class, AccessLog.class);

    @Test
    void every_public_method_carries_exactly_the_check_decided_for_it() {
        Map<String, String> found = new TreeMap<>();
        List<String> differing = new ArrayList<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String name = service.getSimpleName() + "." + m.getName();
                PreAuthorize check = m.getAnnotation(PreAuthorize.class);
                String actual = check == null ? NONE : check.value();
                found.put(name, actual);
                if (!EXPECTED.containsKey(name)) {
                    differing.add("%s(%d parameters) is public and has no line in EXPECTED (its check: '%s')"
                            .formatted(name, m.getParameterCount(), actual));
                } else if (!EXPECTED.get(name).equals(actual)) {
                    differing.add("%s(%d parameters): '%s', expected '%s'".formatted(name, m.getParameterCount(), actual,
                            EXPECTED.get(name)));
                }
            }
        }
        assertThat(differing).as("public methods against EXPECTED").isEmpty();
        assertThat(found.keySet()).as("lines of EXPECTED without a public method").containsAll(EXPECTED.keySet());
    }

    @Test
    void the_services_are_proxied_spring_beans_so_the_checks_run() {
        for (Class<?> service : SERVICES) {
            assertThat(service.isAnnotationPresent(org.springframework.stereotype.Service.class)).as(service.getSimpleName())
                    .isTrue();
            assertThat(Modifier.isFinal(service.getModifiers())).as(service.getSimpleName() + " can be proxied").isFalse();
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                    // a final method is called on the proxy's own empty fields, past every check
                    assertThat(Modifier.isFinal(m.getModifiers())).as(service.getSimpleName() + "." + m.getName()).isFalse();
                }
            }
        }
    }
}
