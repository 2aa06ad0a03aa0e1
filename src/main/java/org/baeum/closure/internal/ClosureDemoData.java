package org.baeum.closure.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.SessionChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's pool closure, announced in advance (issue 18): the pool {@code main-pool} closes from the first Monday
 * of next month to the Wednesday after for pipe works. Declared through the closure desk as the portal, with every
 * pool class moved to make-up days (those without a free day are cancelled and refunded); the closure job then applies
 * it and mails those affected. Idempotent: a plan with the demo's reason is left as it is.
 */
@Component
class ClosureDemoData implements DemoDataContributor {

    static final String REASON_KO = "수영장 배관 교체 공사";
    static final String REASON_EN = "Pool pipe replacement";
    private static final Logger log = LoggerFactory.getLogger(ClosureDemoData.class);

    private final ClosureDesk desk;
    private final Clock clock;

    ClosureDemoData(ClosureDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 90; // after everything else: the classes, enrolments and bookings it meets exist by then
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            if (desk.plans().stream().anyMatch(p -> REASON_KO.equals(p.request().reasonKo()))) {
                return;
            }
            LocalDate first = LocalDate.now(clock.withZone(Formats.SEOUL)).plusMonths(1).withDayOfMonth(1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            ClosureRequest bare = new ClosureRequest("main", null, "main-pool", first, first.plusDays(2), null, null,
                    REASON_KO, REASON_EN, Map.of());
            Map<String, SessionChoice> choices = new LinkedHashMap<>();
            desk.preview(bare).sessions().forEach(s -> choices.put(s.offeringId(), SessionChoice.MOVE));
            ClosurePlan plan = desk.declare(new ClosureRequest(bare.branchId(), bare.roomId(), bare.facilityId(),
                    bare.firstDay(), bare.lastDay(), null, null, REASON_KO, REASON_EN, choices));
            log.info("Demo pool closure {} declared: {} to {}, {} class session(s) moved", plan.id(), first,
                    first.plusDays(2), plan.impact().sessions().size());
        });
    }
}
