package org.baeum.recruitment.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.Masking;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermId;
import org.baeum.recruitment.ApplicationStatus;
import org.baeum.recruitment.Continuation;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.RoundDraft;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.RoundService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's recruitment rounds (issue 15), with dates relative to the first start like the rest of the demo:
 * <ul>
 *   <li>{@code DEMO-POOL-NEXT}: next quarter's pool and gym classes. Re-registration has closed, the lottery is open
 *   now (until four days from now, 18:00), then first come for the seats left; three demo citizens have applied, the
 *   demo citizen 김시민 has not (so a visitor can).</li>
 *   <li>{@code DEMO-POOL-PAST}: this quarter's early-morning pool classes, drawn before the classes began: its record
 *   is published, and {@code java tools/VerifyDraw.java} confirms it from its JSON alone (README, "Verify a draw").
 *   Its 120 applications are of earlier applicants (households {@code demo-archive-*}), as a running centre's
 *   history would have them; the round was over when drawn, so nothing is placed (decision 0029).</li>
 * </ul>
 * Idempotent: a round that exists is left as it is.
 */
@Component
class RecruitmentDemoData implements DemoDataContributor {

    static final String NEXT = "DEMO-POOL-NEXT";
    static final String PAST = "DEMO-POOL-PAST";
    private static final List<String> POOL_AND_GYM = List.of("demo-swim-beginner", "demo-swim-intermediate", "demo-gym");
    private static final List<String> APPLICANTS = List.of("demo-citizen-2", "demo-citizen-3", "demo-citizen-4");
    /** The next round keeps 20 % of the seats for residents of Mapo, the demo centre's district. */
    private static final List<String> RESERVED_DISTRICTS = List.of("MAPO");
    private static final Logger log = LoggerFactory.getLogger(RecruitmentDemoData.class);

    private final RoundService rounds;
    private final RoundRepository roundDocuments;
    private final ApplicationRepository applications;
    private final RoundDraws draws;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final AccountService accounts;
    private final Clock clock;

    RecruitmentDemoData(RoundService rounds, RoundRepository roundDocuments, ApplicationRepository applications,
                        RoundDraws draws, CatalogService catalog, HouseholdService households, AccountService accounts,
                        Clock clock) {
        this.rounds = rounds;
        this.roundDocuments = roundDocuments;
        this.applications = applications;
        this.draws = draws;
        this.catalog = catalog;
        this.households = households;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40; // after accounts (10), the catalog (20) and facilities (30)
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            // a demo round that cannot be made (a catalog changed by hand) must not keep the portal from starting
            for (Runnable round : List.<Runnable>of(this::nextRound, this::pastRound)) {
                try {
                    round.run();
                } catch (RuntimeException e) {
                    log.warn("A demo round was not created", e);
                }
            }
        });
    }

    private void nextRound() {
        if (roundDocuments.find(NEXT).isPresent()) {
            return;
        }
        // the classes recruiting now (the demo catalog opens every third pool section a few days later: those keep
        // their own first-come opening, with the countdown the catalog shows before it)
        java.time.Instant now = clock.instant();
        List<OfferingId> offerings = offerings(new TermId("demo-q-next"), POOL_AND_GYM, 30).stream()
                .filter(id -> catalog.offering(id).map(o -> !o.recruitment().opensAt().isAfter(now)).orElse(false))
                .toList();
        if (offerings.isEmpty()) {
            log.warn("Demo round {} not created: no pool or gym classes next quarter", NEXT);
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<RoundPhase> phases = List.of(
                phase(RoundPhaseKind.RE_REGISTRATION, today.minusDays(4).atTime(10, 0), today.minusDays(2).atTime(18, 0)),
                phase(RoundPhaseKind.LOTTERY, today.minusDays(1).atTime(10, 0), today.plusDays(4).atTime(18, 0)),
                phase(RoundPhaseKind.FIRST_COME, today.plusDays(7).atTime(10, 0), today.plusDays(14).atTime(18, 0)));
        rounds.create(new RoundDraft(NEXT, "다음 분기 수영·헬스 정규반 모집", "Next quarter: pool and gym regular classes",
                offerings, phases, at(today.plusDays(6).atTime(18, 0)), false,
                new ReservedShare(20, List.of(), RESERVED_DISTRICTS), null, continuations(offerings)));
        int number = 0;
        for (String applicant : APPLICANTS) {
            Participant p = households.participant(new ParticipantId(applicant));
            List<OfferingId> shuffled = new ArrayList<>(offerings);
            Collections.shuffle(shuffled, new Random(applicant.hashCode()));
            if (apply(NEXT, applicant, Masking.name(p.name()), List.of(p), shuffled.subList(0, Math.min(3, shuffled.size())),
                    clock.instant(), livesIn(applicant, RESERVED_DISTRICTS))) {
                number++;
            }
        }
        log.info("Demo round {} created with {} offerings, its lottery open, and {} applications", NEXT, offerings.size(),
                number);
    }

    private void pastRound() {
        if (roundDocuments.find(PAST).isPresent()) {
            return;
        }
        List<OfferingId> offerings = offerings(new TermId("demo-q-current"), List.of("demo-swim-beginner",
                "demo-swim-intermediate"), 4);
        if (offerings.isEmpty()) {
            log.warn("Demo round {} not created: no pool classes this quarter", PAST);
            return;
        }
        LocalDate start = LocalDate.now(clock.withZone(Formats.SEOUL)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(4); // when the demo's current quarter began
        LocalDateTime opens = start.minusDays(21).atTime(10, 0);
        LocalDateTime closes = start.minusDays(16).atTime(18, 0);
        List<RoundPhase> phases = List.of(phase(RoundPhaseKind.LOTTERY, opens, closes),
                phase(RoundPhaseKind.FIRST_COME, start.minusDays(12).atTime(10, 0), start.minusDays(3).atTime(18, 0)));
        rounds.create(new RoundDraft(PAST, "이번 분기 새벽 수영 정규반 추첨", "This quarter: early-morning swimming draw",
                offerings, phases, at(start.minusDays(14).atTime(18, 0)), false, ReservedShare.NONE));
        Random random = new Random(20_261_206L);
        for (int i = 1; i <= 120; i++) {
            List<OfferingId> shuffled = new ArrayList<>(offerings);
            Collections.shuffle(shuffled, random);
            String household = "demo-archive-%03d".formatted(i);
            int members = i % 15 == 0 ? 2 : 1;
            List<Participant> people = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                people.add(new Participant(new ParticipantId(household + (m == 0 ? "" : "-" + m)),
                        new org.baeum.account.AccountId(household), "지난신청" + i + "-" + m,
                        LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + m), m == 0 ? null : org.baeum.account.Relation.SPOUSE, true));
            }
            apply(PAST, household, "지*", people, shuffled.subList(0, 1 + random.nextInt(3)),
                    at(opens.plusHours(2).plusMinutes(i)), false);
        }
        draws.markDrawn(draws.store(PAST));
        log.info("Demo round {} created and drawn; its record is published at /rounds/{}/draw", PAST, PAST);
    }

    /**
     * Stores an application as {@code Applications.apply} would (number from the round's counter, a key per
     * participant, person keys), without a signed-in citizen. @return false when one of them has applied already
     */
    private boolean apply(String round, String household, String masked, List<Participant> people, List<OfferingId> choices,
                          Instant at, boolean reserved) {
        List<String> keys = people.stream().map(p -> ApplicationRepository.activeKey(round, p.id().value())).toList();
        if (applications.anyActive(keys)) {
            return false;
        }
        long sequence = roundDocuments.nextNumber(round).orElseThrow();
        try {
            applications.insert(new ApplicationDocument("%s-%06d".formatted(round, sequence), round, sequence, household,
                    masked, people.stream().map(p -> p.id().value()).toList(), keys,
                    people.stream().map(p -> PersonKeys.of(round, p.name(), p.birthDate())).distinct().toList(),
                    choices.stream().map(OfferingId::value).toList(), people.size() > 1, people.size(),
                    ApplicationStatus.SUBMITTED, false, at, null, reserved, 1));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Each class of next quarter continues this quarter's class of the same program in the same place in its list
     * (the same slot in the week, as the demo catalog plans both quarters alike).
     */
    private List<Continuation> continuations(List<OfferingId> next) {
        List<Continuation> links = new ArrayList<>();
        for (String program : POOL_AND_GYM) {
            List<OfferingId> now = offerings(new TermId("demo-q-current"), List.of(program), 30);
            List<OfferingId> later = offerings(new TermId("demo-q-next"), List.of(program), 30).stream()
                    .filter(next::contains).toList();
            for (int i = 0; i < Math.min(now.size(), later.size()); i++) {
                links.add(new Continuation(later.get(i), now.get(i)));
            }
        }
        return links;
    }

    /** Whether the household's account declares one of these districts (what {@code Entitlements} checks too). */
    private boolean livesIn(String household, List<String> districts) {
        return accounts.account(new org.baeum.account.AccountId(household)).map(Account::district)
                .filter(d -> districts.contains(d.name())).isPresent();
    }

    /** The term's published offerings of these programs, at most {@code max}, by start time. */
    private List<OfferingId> offerings(TermId term, List<String> programs, int max) {
        List<Offering> found = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            var result = catalog.searchForStaff(new CatalogQuery(null, null, null, null, null, null, term, null, null, null,
                    false, null, page, CatalogQuery.MAX_SIZE));
            result.items().stream().filter(o -> programs.contains(o.program().id().value())).forEach(found::add);
            if (result.items().size() < CatalogQuery.MAX_SIZE) {
                break;
            }
        }
        return found.stream().sorted(java.util.Comparator.comparing((Offering o) -> o.schedule().startTime())
                        .thenComparing(o -> o.id().value()))
                .limit(max).map(Offering::id).toList();
    }

    private static RoundPhase phase(RoundPhaseKind kind, LocalDateTime opens, LocalDateTime closes) {
        return new RoundPhase(kind, at(opens), at(closes));
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(Formats.SEOUL).toInstant();
    }
}
