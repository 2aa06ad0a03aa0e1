package org.baeum.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.account.EligibilityStatus;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One demo account per role, with fixed user names: citizen, instructor, staff, admin. The demo citizen has a
 * profile, two dependants (a child and an elderly mother) and two fee-reduction claims (his own, her elderly one)
 * waiting in staff's queue; seven more citizens give the desk search something to find and the demo instructor's
 * classes their learners. All names and numbers are made up.
 */
@Component
class AccountDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(AccountDemoData.class);

    record DemoAccount(String id, String username, String displayName, Role role) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("demo-citizen", "citizen", "김시민", Role.CITIZEN),
            new DemoAccount("demo-instructor", "instructor", "이강사", Role.INSTRUCTOR),
            new DemoAccount("demo-staff", "staff", "박직원", Role.STAFF),
            new DemoAccount("demo-admin", "admin", "최관리", Role.ADMIN));

    record DemoCitizen(String id, String email, String name, String mobile, LocalDate birthDate, String district) {
    }

    static final List<DemoCitizen> MORE_CITIZENS = List.of(
            new DemoCitizen("demo-citizen-2", "younghee.lee@baeum.localhost", "이영희", "01023456789", LocalDate.of(1958, 4, 2), "MAPO"),
            new DemoCitizen("demo-citizen-3", "chulsoo.park@baeum.localhost", "박철수", "01034567890", LocalDate.of(1987, 10, 21), "SEODAEMUN"),
            new DemoCitizen("demo-citizen-4", "minji.choi@baeum.localhost", "최민지", null, LocalDate.of(2001, 6, 30), "EUNPYEONG"),
            // older learners of the demo instructor's classes (the literacy class and the 60+ digital literacy class)
            new DemoCitizen("demo-citizen-5", "boksoon.jung@baeum.localhost", "정복순", "01045678901", LocalDate.of(1950, 2, 11), "MAPO"),
            new DemoCitizen("demo-citizen-6", "malsoon.han@baeum.localhost", "한말순", null, LocalDate.of(1947, 8, 25), "MAPO"),
            new DemoCitizen("demo-citizen-7", "jungja.oh@baeum.localhost", "오정자", "01056789012", LocalDate.of(1955, 12, 3), "SEODAEMUN"),
            new DemoCitizen("demo-citizen-8", "okboon.yoon@baeum.localhost", "윤옥분", "01067890123", LocalDate.of(1952, 5, 19), "MAPO"));

    private final AccountRepository accounts;
    private final DependantRepository dependants;
    private final EligibilityClaimRepository claims;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountDemoData(AccountRepository accounts, DependantRepository dependants, EligibilityClaimRepository claims,
                    PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.dependants = dependants;
        this.claims = claims;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void contribute(DemoContext context) {
        String hash = encoder.encode(context.password());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        for (DemoAccount demo : ACCOUNTS) {
            // Replace, not insert: after an interrupted first start the password printed now must be the one that works.
            AccountDocument doc = demo.role() == Role.CITIZEN
                    ? new AccountDocument(demo.id(), demo.username(), demo.username() + "@baeum.localhost",
                    demo.displayName(), List.of(demo.role()), true, "ko", hash, now, "01012345678",
                    LocalDate.of(1984, 3, 15), "MAPO", now, 0L, true, null)
                    : new AccountDocument(demo.id(), demo.username(), demo.username() + "@baeum.localhost",
                    demo.displayName(), List.of(demo.role()), true, "ko", hash, now);
            accounts.upsert(doc);
            log.info("Demo account '{}' ({}) created", demo.username(), demo.role());
        }
        for (DemoCitizen c : MORE_CITIZENS) {
            accounts.upsert(new AccountDocument(c.id(), c.email(), c.email(), c.name(), List.of(Role.CITIZEN), true, "ko",
                    hash, now, c.mobile(), c.birthDate(), c.district(), now, 0L, true, null));
        }
        dependants.upsert(new DependantDocument("demo-child", "demo-citizen", "김하늘", today.minusYears(8).withDayOfMonth(1),
                Relation.CHILD, now, null));
        dependants.upsert(new DependantDocument("demo-mother", "demo-citizen", "김순자", LocalDate.of(1953, 9, 9),
                Relation.PARENT, now, null));
        claims.upsert(new EligibilityClaimDocument("demo-claim", "demo-citizen", "demo-citizen", "김시민", "NATIONAL_MERIT",
                "국가유공자증 사본은 창구에서 보여 드리겠습니다.", EligibilityStatus.PENDING, now, null, null,
                "demo-citizen:NATIONAL_MERIT", List.of(new EligibilityClaimDocument.StepDocument(now, "demo-citizen", "김시민",
                EligibilityStatus.PENDING, null))));
        // the mother's elderly reduction rests on a birth date her son typed in: it waits for staff like any 65+ dependant
        claims.upsert(new EligibilityClaimDocument("demo-claim-elderly", "demo-citizen", "demo-mother", "김순자",
                "ELDERLY", null, EligibilityStatus.PENDING, now, null, null, "demo-mother:ELDERLY",
                List.of(new EligibilityClaimDocument.StepDocument(now, "demo-citizen", "김시민", EligibilityStatus.PENDING, null))));
        log.info("Demo household (2 dependants, 2 pending fee-reduction claims) and {} more citizens created", MORE_CITIZENS.size());
    }
}
