package org.baeum.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.baeum.account.District;
import org.baeum.account.EligibilityStatus;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The households behind the demo's past year (issue 17, "Demo history"): {@value #HOUSEHOLDS} citizens
 * ({@code demo-hist-001} …) made from a fixed random seed, with children and elderly parents as dependants, living
 * mostly in Mapo as a district centre's learners do, some with approved fee-reduction claims (기초생활수급자, 장애인,
 * 국가보훈대상자). The attendance feature's {@code HistoryDemoData} enrols them in last year's classes. They sign in
 * with the demo password like the other demo citizens. Replaces documents of the same ids, so an interrupted first
 * start completes with the same people.
 */
@Component
class HistoryHouseholdsDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(HistoryHouseholdsDemoData.class);
    static final int HOUSEHOLDS = 120;
    static final long SEED = 2025_17L;
    private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
            "권", "황", "안", "송", "류", "홍"};
    private static final String[] GIVEN = {"민", "서", "지", "현", "영", "수", "정", "은", "준", "하", "진", "경", "숙", "희",
            "철", "호", "연", "미", "순", "자", "우", "윤", "예", "도"};
    /** Where the centre's learners live: mostly Mapo and its neighbours, a few from farther or outside Seoul. */
    private static final District[] DISTRICTS = {District.MAPO, District.MAPO, District.MAPO, District.MAPO,
            District.MAPO, District.MAPO, District.MAPO, District.MAPO, District.MAPO, District.MAPO, District.MAPO,
            District.MAPO, District.SEODAEMUN, District.SEODAEMUN, District.EUNPYEONG, District.EUNPYEONG,
            District.YONGSAN, District.YEONGDEUNGPO, District.GANGSEO, District.OUTSIDE_SEOUL};

    private final AccountRepository accounts;
    private final DependantRepository dependants;
    private final EligibilityClaimRepository claims;
    private final PasswordEncoder encoder;
    private final Clock clock;

    HistoryHouseholdsDemoData(AccountRepository accounts, DependantRepository dependants,
                              EligibilityClaimRepository claims, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.dependants = dependants;
        this.claims = claims;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 65; // with the demo history (after the demo instructor's classes, 60), before its classes (70)
    }

    @Override
    public void contribute(DemoContext context) {
        String hash = encoder.encode(context.password());
        Instant now = clock.instant();
        Random random = new Random(SEED);
        int people = 0;
        int withClaims = 0;
        for (int i = 1; i <= HOUSEHOLDS; i++) {
            String id = "demo-hist-%03d".formatted(i);
            String family = FAMILY[random.nextInt(FAMILY.length)];
            LocalDate born = LocalDate.of(1942 + random.nextInt(63), 1 + random.nextInt(12), 1 + random.nextInt(28));
            District district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String holder = name(family, random);
            accounts.upsert(new AccountDocument(id, "hist%03d@baeum.localhost".formatted(i),
                    "hist%03d@baeum.localhost".formatted(i), holder, List.of(Role.CITIZEN), true, "ko",
                    hash, now, null, born, district.name(), now, 0L, true, null));
            people++;
            withClaims += claim(random, id, id, holder, now);
            int age = 2025 - born.getYear();
            if (age >= 30 && age <= 50 && random.nextInt(3) > 0) {
                int children = 1 + random.nextInt(2);
                for (int c = 1; c <= children; c++) {
                    String child = id + "-c" + c;
                    LocalDate childBorn = LocalDate.of(Math.max(born.getYear() + 24, 2011 + random.nextInt(12)),
                            1 + random.nextInt(12), 1 + random.nextInt(28));
                    dependants.upsert(new DependantDocument(child, id, name(family, random), childBorn, Relation.CHILD,
                            now, null));
                    people++;
                }
            }
            if (age >= 35 && age <= 60 && random.nextInt(5) == 0) {
                String parent = id + "-p1";
                String parentName = name(FAMILY[random.nextInt(FAMILY.length)], random);
                dependants.upsert(new DependantDocument(parent, id, parentName,
                        LocalDate.of(1936 + random.nextInt(16), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        Relation.PARENT, now, null));
                people++;
                withClaims += claim(random, id, parent, parentName, now);
            }
        }
        log.info("Demo history: {} households, {} people, {} approved fee-reduction claims", HOUSEHOLDS, people,
                withClaims);
    }

    /** About one person in eight holds an approved claim, valid past the demo's dates. */
    private int claim(Random random, String household, String participant, String name, Instant now) {
        int roll = random.nextInt(40);
        String category = roll < 2 ? "BASIC_LIVELIHOOD" : roll < 4 ? "DISABLED" : roll < 5 ? "NATIONAL_MERIT" : null;
        if (category == null) {
            return 0;
        }
        claims.upsert(new EligibilityClaimDocument("demo-hist-claim-" + participant, household, participant, name,
                category, null, EligibilityStatus.APPROVED, now, LocalDate.of(2028, 12, 31), null,
                participant + ":" + category, List.of(new EligibilityClaimDocument.StepDocument(now, "demo-staff",
                "박직원", EligibilityStatus.APPROVED, null))));
        return 1;
    }

    private static String name(String family, Random random) {
        return family + GIVEN[random.nextInt(GIVEN.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }
}
