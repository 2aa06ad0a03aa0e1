package org.baeum.enrollment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.account.AccountEvents;
import org.baeum.base.domain.PersonalDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.EnrollmentTransitions;
import org.baeum.enrollment.internal.Endings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enrolment's part of a citizen's privacy rights: the export of their data (개인정보 열람), and what happens to their
 * entries when they delete their account (active ones end, the seats go to the waitlist; the rest keeps no personal
 * data, only what statistics need).
 */
@Component
public class EnrollmentPrivacy implements PersonalDataContributor {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentPrivacy.class);

    private final EnrollmentRepository enrollments;
    private final EnrollmentLists lists;
    private final Endings endings;
    private final ClosureRefundRepository closureRefunds;
    private final org.baeum.enrollment.internal.ReminderChoices reminderChoices;

    EnrollmentPrivacy(EnrollmentRepository enrollments, EnrollmentLists lists, Endings endings,
                      ClosureRefundRepository closureRefunds,
                      org.baeum.enrollment.internal.ReminderChoices reminderChoices) {
        this.enrollments = enrollments;
        this.reminderChoices = reminderChoices;
        this.closureRefunds = closureRefunds;
        this.lists = lists;
        this.endings = endings;
    }

    /**
     * A deleted account: its active entries end (seats go to the waitlist), the rest keeps no personal data: statuses,
     * fees and the reporting facts stay, each participant's under a new random person key
     * ({@link EnrollmentRepository#anonymise}).
     */
    @EventListener
    void accountDeleted(AccountEvents.AccountDeleted deleted) {
        String household = deleted.account().value();
        SystemIdentity.run(() -> {
            for (EnrollmentDocument e : lists.ofHousehold(household, EnrollmentRepository.MAX_LIST)) {
                try {
                    switch (e.status()) {
                        case WAITLISTED -> endings.leave(e, Endings.SYSTEM, "account deleted");
                        case ENROLLED, OFFERED -> endings.endHolding(e, e.status() == EnrollmentStatus.OFFERED
                                        ? EnrollmentStatus.DECLINED : EnrollmentStatus.CANCELLED,
                                Endings.ACCOUNT_DELETED, Endings.SYSTEM, null, EnrollmentTransitions.EndGuard.NONE);
                        default -> { }
                    }
                } catch (EnrollmentRefusedException changed) {
                    log.info("Enrolment {} changed while the account was deleted", e.id());
                }
            }
        });
        long n = enrollments.anonymise(household);
        long refunds = closureRefunds.anonymise(household);
        reminderChoices.forgetHousehold(household);
        log.info("Account {} deleted: {} enrolment(s) and {} closure refund(s) anonymised", household, n, refunds);
    }

    @Override
    public Map<String, List<Map<String, Object>>> personalData(String householdAccountId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EnrollmentDocument e : lists.ofHousehold(householdAccountId, EnrollmentRepository.MAX_LIST)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("offering", e.offeringTitleKo());
            row.put("participant", e.participantName());
            row.put("status", e.status().name());
            row.put("fee", e.amount());
            row.put("reduction", e.reductionCode());
            row.put("payment", e.payment().name());
            row.put("refund", e.refundAmount());
            row.put("createdAt", e.createdAt());
            row.put("enrolledAt", e.enrolledAt());
            row.put("endedAt", e.endedAt());
            row.put("assisted", e.assisted());
            rows.add(row);
        }
        return Map.of("enrolments", rows);
    }
}
