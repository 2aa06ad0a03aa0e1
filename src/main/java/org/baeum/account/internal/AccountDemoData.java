package org.baeum.account.internal;

import java.time.Clock;
import java.util.List;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** One demo account per role, with fixed user names: citizen, instructor, staff, admin. */
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

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountDemoData(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
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
        for (DemoAccount demo : ACCOUNTS) {
            // Replace, not insert: after an interrupted first start the password printed now must be the one that works.
            accounts.upsert(new AccountDocument(demo.id(), demo.username(), demo.username() + "@baeum.localhost",
                    demo.displayName(), List.of(demo.role()), true, "ko", hash, clock.instant()));
            log.info("Demo account '{}' ({}) created", demo.username(), demo.role());
        }
    }
}
