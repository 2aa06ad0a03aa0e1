package org.baeum.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.EligibilityClaim;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReductionCategories;
import org.baeum.account.EligibilityStatus;
import org.baeum.account.ParticipantId;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.EligibilityClaimDocument;
import org.baeum.account.internal.EligibilityClaimRepository;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Decision 0060: an account made since then says whether its household ever had a fee-reduction claim approved, and an
 * enrolment over the API reads the claims only when it may have. Approval marks the account first, so an approved
 * reduction is never missed.
 */
@BaeumIntegrationTest
class FeeReductionClaimsMarkerTest {

    private static final long FEE = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountRepository accountRepository;
    @Autowired
    EligibilityClaimRepository claimRepository;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    FeeReductionCategories categories;
    @Autowired
    TestAccounts accounts;

    static EnrollmentFixture fixture;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired CatalogService catalog,
                     @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void an_approved_claim_marks_the_account_first_so_the_api_enrolment_gets_the_reduction() throws Exception {
        BaeumUser citizen = signedUp("marker-approved", false);
        assertThat(accountRepository.findById(citizen.accountId()).orElseThrow().reductionClaims()).isFalse();
        TestAccounts.signIn(citizen);
        EligibilityClaim claim = eligibility.declare(new ParticipantId(citizen.accountId()), "DISABLED", null);
        assertThat(accountRepository.findById(citizen.accountId()).orElseThrow().reductionClaims())
                .as("a declaration alone does not mark it").isFalse();
        TestAccounts.signIn(accounts.userOrCreate("marker-staff", Role.STAFF));
        eligibility.approve(claim.id(), LocalDate.now(clock).plusYears(1), null);
        TestAccounts.signOut();

        assertThat(accountRepository.findById(citizen.accountId()).orElseThrow().reductionClaims()).isTrue();
        assertThat(enrolFee(citizen)).isEqualTo(reduced());
    }

    @Test
    void an_account_never_marked_is_charged_without_reading_the_claims_and_one_not_known_reads_them() throws Exception {
        BaeumUser never = signedUp("marker-never", false);
        BaeumUser unknown = signedUp("marker-unknown", null);
        // an approval stored without the mark (no version since decision 0060 does that): only a read would find it
        approvedBehindTheMarksBack(never);
        approvedBehindTheMarksBack(unknown);

        assertThat(enrolFee(never)).as("claims not read: the account says none was ever approved").isEqualTo(FEE);
        assertThat(enrolFee(unknown)).as("an account from before decision 0060: claims read").isEqualTo(reduced());
    }

    private long reduced() {
        int rate = categories.category("DISABLED").orElseThrow().ratePercent();
        return org.baeum.enrollment.Fee.reduced(FEE, "DISABLED", "", "", rate).amount();
    }

    private BaeumUser signedUp(String name, Boolean reductionClaims) {
        String id = UUID.randomUUID().toString();
        String email = name + "@test.baeum";
        Instant now = clock.instant();
        accountRepository.insert(new AccountDocument(id, email, email, name, List.of(Role.CITIZEN), true, "ko", "x", now,
                null, LocalDate.of(1980, 5, 5), "MAPO", now, 0L, true, null, reductionClaims));
        return new BaeumUser(id, email, name, EnumSet.of(Role.CITIZEN), true, Locale.KOREAN, null, 0L);
    }

    private void approvedBehindTheMarksBack(BaeumUser citizen) {
        Instant now = clock.instant();
        claimRepository.insert(new EligibilityClaimDocument(UUID.randomUUID().toString(), citizen.accountId(),
                citizen.accountId(), citizen.displayName(), "DISABLED", null, EligibilityStatus.APPROVED, now,
                LocalDate.now(clock).plusYears(1), null, citizen.accountId() + ":DISABLED",
                List.of(new EligibilityClaimDocument.StepDocument(now, "staff", "직원", EligibilityStatus.APPROVED, null))));
    }

    private long enrolFee(BaeumUser citizen) throws Exception {
        OfferingId o = fixture.offering(5, FEE);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/offerings/" + o.value() + "/enrollments"))
                .header("Authorization", "Bearer " + tokens.issue(citizen).token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("fee").asLong();
    }
}
