package org.baeum.closure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baeum.account.AccountEvents;
import org.baeum.base.domain.PersonalDataContributor;
import org.baeum.closure.ClosureImpact.BookingHit;
import org.baeum.closure.ClosureParticipants.Participant;
import org.baeum.closure.internal.ClosurePlanRepository.OfferingEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PersonEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PlanDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Closures' part of a citizen's privacy rights (decision 0043): the closures that touched their household in the
 * data download, and on account deletion their names and account id gone from every plan that keeps them (the
 * participants' names, the household's account id, replaced by one new opaque id per deletion, and the masked name
 * of their bookings). Entry and booking ids stay: they lead only to records their own features anonymise. A plan
 * being applied still finishes: only the fields naming people change (guarded on the plan's version, never the
 * steps or the status the job writes), the refunds of entries that ended with the account are settled by their
 * ending, and a mail to an account that is gone is skipped.
 */
@Component
class ClosurePrivacy implements PersonalDataContributor {

    private static final Logger log = LoggerFactory.getLogger(ClosurePrivacy.class);
    static final String GONE = "-";

    private final ClosurePlanRepository plans;

    ClosurePrivacy(ClosurePlanRepository plans) {
        this.plans = plans;
    }

    @EventListener
    void accountDeleted(AccountEvents.AccountDeleted deleted) {
        String account = deleted.account().value();
        String opaque = "anon-" + UUID.randomUUID();
        int changed = 0;
        for (PlanDocument plan : plans.withAccount(account)) {
            PlanDocument current = plan;
            for (int attempt = 0; attempt < 5 && current != null; attempt++) {
                if (plans.replacePeople(current.id(), current.version(), offerings(current, account, opaque),
                        people(current, account, opaque), bookings(current, account))) {
                    changed++;
                    break;
                }
                current = plans.find(current.id()).orElse(null); // another deletion changed it meanwhile
            }
        }
        log.info("Account {} deleted: {} closure plan(s) anonymised", account, changed);
    }

    private static List<OfferingEffect> offerings(PlanDocument plan, String account, String opaque) {
        return plan.offerings().stream().map(o -> new OfferingEffect(o.offeringId(), o.titleKo(), o.titleEn(),
                o.choice(), o.start(), o.end(), o.classDays(), o.cancelled(), o.moves(), o.participants().stream()
                .map(p -> account.equals(p.accountId())
                        ? new Participant(p.enrollmentId(), opaque, GONE, p.paid()) : p).toList())).toList();
    }

    private static List<PersonEffect> people(PlanDocument plan, String account, String opaque) {
        return plan.people().stream().map(p -> account.equals(p.accountId())
                ? new PersonEffect(opaque, p.enrollmentIds(), p.bookingIds(), p.offerIds()) : p).toList();
    }

    private static List<BookingHit> bookings(PlanDocument plan, String account) {
        Set<String> theirs = plan.people().stream().filter(p -> account.equals(p.accountId()))
                .flatMap(p -> p.bookingIds().stream()).collect(Collectors.toSet());
        return plan.impact().bookings().stream().map(b -> theirs.contains(b.bookingId())
                ? new BookingHit(b.bookingId(), b.bookableId(), b.bookable(), b.date(), b.start(), b.end(), GONE)
                : b).toList();
    }

    @Override
    public Map<String, List<Map<String, Object>>> personalData(String householdAccountId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanDocument plan : plans.withAccount(householdAccountId)) {
            PersonEffect person = plan.people().stream().filter(p -> householdAccountId.equals(p.accountId()))
                    .findFirst().orElse(null);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("closure", plan.id());
            row.put("firstDay", plan.request().firstDay());
            row.put("lastDay", plan.request().lastDay());
            row.put("reason", plan.request().reasonKo());
            row.put("status", plan.status().name());
            row.put("participants", plan.offerings().stream().flatMap(o -> o.participants().stream()
                    .filter(p -> householdAccountId.equals(p.accountId()))
                    .map(p -> p.participantName() + " (" + o.titleKo() + ")")).distinct()
                    .collect(Collectors.joining(", ")));
            row.put("bookings", person == null ? "" : String.join(", ", person.bookingIds()));
            row.put("offers", person == null ? "" : String.join(", ", person.offerIds()));
            rows.add(row);
        }
        return Map.of("closures", rows);
    }
}
