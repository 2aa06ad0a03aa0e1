package org.baeum.enrollment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AgeBand;
import org.baeum.account.Dependant;
import org.baeum.account.DependantDraft;
import org.baeum.account.District;
import org.baeum.account.HouseholdService;
import org.baeum.account.PersonalDataService;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** What reports read ({@link ParticipationSource}), who may read it, and what a deleted account leaves in it. */
@BaeumIntegrationTest
class ParticipationSourceTest {

    @Autowired
    ParticipationSource source;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk desk;
    @Autowired
    EnrollmentRepository repository;
    @Autowired
    HouseholdService households;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture fixture;
    static BaeumUser staff;
    static BaeumUser instructor;
    static BaeumUser citizen;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        String suffix = UUID.randomUUID().toString();
        staff = accounts.create("source-staff-" + suffix, Role.STAFF);
        instructor = accounts.create("source-teacher-" + suffix, Role.INSTRUCTOR);
        citizen = accounts.citizen("source-" + suffix + "@test.baeum", "출처시민", LocalDate.of(1990, 1, 1));
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void a_year_gives_its_entries_only_with_admitted_and_cancelled_as_defined() {
        Instant at = Instant.parse("2001-03-01T01:00:00Z");
        String enrolled = insert(2001, EnrollmentStatus.ENROLLED, at, PaymentState.PAID, 0);
        String cancelled = insert(2001, EnrollmentStatus.CANCELLED, at, PaymentState.REFUNDED, 27_000);
        String expired = insert(2001, EnrollmentStatus.EXPIRED, null, PaymentState.UNPAID, 0);
        String released = insert(2001, EnrollmentStatus.RELEASED, at, PaymentState.UNPAID, 0);
        String otherYear = insert(2002, EnrollmentStatus.ENROLLED, at, PaymentState.PAID, 0);

        Map<String, ParticipationRow> rows = new HashMap<>();
        List<Integer> years = new ArrayList<>();
        as(staff, () -> source.forEachOfYear(2001, r -> {
            rows.put(r.id().value(), r);
            years.add(r.facts().year());
        }));

        assertThat(years).containsOnly(2001);
        assertThat(rows).containsKeys(enrolled, cancelled, expired, released).doesNotContainKey(otherYear);
        assertThat(rows.get(cancelled)).isEqualTo(new ParticipationRow(new EnrollmentId(cancelled),
                new OfferingId("off-facts"), facts(2001, cancelled), EnrollmentStatus.CANCELLED, true,
                PaymentState.REFUNDED, 30_000, 30_000, 27_000, true, Instant.parse("2001-03-01T00:00:00Z")));
        assertThat(rows.get(enrolled).admitted()).isTrue();
        assertThat(rows.get(enrolled).cancelled()).isFalse();
        assertThat(rows.get(expired).admitted()).as("an offer that ran out was never admitted").isFalse();
        assertThat(rows.get(expired).cancelled()).isFalse();
        assertThat(rows.get(released).admitted()).isTrue();
        assertThat(rows.get(released).cancelled()).as("released for non-payment is not a cancellation").isFalse();
    }

    @Test
    void a_cancelled_paid_enrolment_reads_as_admitted_cancelled_and_refunded_and_the_detail_is_logged_once() {
        OfferingId o = fixture.offering(5, 30_000);
        Enrollment e = as(citizen, () -> enrollments.enroll(o, null, UUID.randomUUID().toString()));
        as(staff, () -> desk.recordPayment(e.id(), PaymentState.PAID, "카드"));
        as(citizen, () -> enrollments.cancel(e.id(), null));
        EnrollmentDocument stored = repository.findById(e.id().value()).orElseThrow();

        List<ParticipationRow> rows = new ArrayList<>();
        as(staff, () -> source.forEachOfYear(stored.facts().year(), r -> {
            if (r.id().equals(e.id())) {
                rows.add(r);
            }
        }));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(EnrollmentStatus.CANCELLED);
            assertThat(r.admitted()).isTrue();
            assertThat(r.cancelled()).isTrue();
            assertThat(r.payment()).isEqualTo(PaymentState.REFUNDED);
            assertThat(r.refundAmount()).isEqualTo(stored.refundAmount()).isPositive();
            assertThat(r.facts()).isEqualTo(stored.facts());
        });

        long before = detailLogLines();
        List<ParticipationDetail> details = new ArrayList<>();
        as(staff, () -> source.forEachDetail(List.of(o), details::add));
        assertThat(details).singleElement().satisfies(d -> {
            assertThat(d.participantName()).isEqualTo("출처시민");
            assertThat(d.offeringTitleKo()).isEqualTo(stored.offeringTitleKo());
            assertThat(d.refundAmount()).isEqualTo(stored.refundAmount());
            assertThat(d.endedAt()).isEqualTo(stored.endedAt());
        });
        assertThat(detailLogLines()).isEqualTo(before + 1);
        Document line = database.getCollection("access_log").find(and(eq("actorAccountId", staff.accountId()),
                eq("action", "EXPORT_PERSONAL_DATA"))).sort(new Document("at", -1)).first();
        assertThat(line.getString("detail")).contains(o.value()).doesNotContain("출처시민", citizen.accountId());
        assertThat(line.getString("subjectAccountId")).isNull();
    }

    @Test
    void citizens_and_instructors_are_refused_both_reads_and_nothing_reaches_them() {
        OfferingId o = fixture.offering(5, 0);
        as(citizen, () -> enrollments.enroll(o, null, UUID.randomUUID().toString()));
        List<Object> seen = new ArrayList<>();
        for (BaeumUser who : List.of(citizen, instructor)) {
            long before = logLinesBy(who);
            TestAccounts.signIn(who);
            assertThatThrownBy(() -> source.forEachOfYear(2001, seen::add)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> source.forEachDetail(List.of(o), seen::add)).isInstanceOf(AccessDeniedException.class);
            TestAccounts.signOut();
            assertThat(logLinesBy(who)).isEqualTo(before);
        }
        assertThat(seen).isEmpty();
        List<Object> bySystem = new ArrayList<>();
        SystemIdentity.run(() -> source.forEachDetail(List.of(o), bySystem::add));
        assertThat(bySystem).hasSize(1);
    }

    @Test
    void a_deleted_account_keeps_its_facts_under_one_new_key_per_participant_and_nothing_that_leads_to_them() {
        OfferingId a = fixture.offering(5, 10_000);
        OfferingId b = fixture.offering(5, 10_000);
        BaeumUser parent = accounts.citizen("source-deleted-" + UUID.randomUUID() + "@test.baeum", "지울부모",
                LocalDate.of(1970, 6, 6));
        Dependant child = as(parent, () -> households.addDependant(
                new DependantDraft("지울아이", LocalDate.of(2015, 1, 1), Relation.CHILD)));
        List<String> parentEntries = List.of(
                as(parent, () -> enrollments.enroll(a, null, UUID.randomUUID().toString())).id().value(),
                as(parent, () -> enrollments.enroll(b, null, UUID.randomUUID().toString())).id().value());
        List<String> childEntries = List.of(
                as(parent, () -> enrollments.enroll(a, child.id(), UUID.randomUUID().toString())).id().value(),
                as(parent, () -> enrollments.enroll(b, child.id(), UUID.randomUUID().toString())).id().value());
        Map<String, ParticipationFacts> before = new HashMap<>();
        for (String id : concat(parentEntries, childEntries)) {
            before.put(id, repository.findById(id).orElseThrow().facts());
        }

        as(parent, () -> {
            personalData.deleteMyAccount(TestAccounts.PASSWORD);
            return null;
        });

        String parentKey = person(parentEntries.getFirst());
        String childKey = person(childEntries.getFirst());
        assertThat(person(parentEntries.get(1))).as("one key for all of a participant's entries").isEqualTo(parentKey);
        assertThat(person(childEntries.get(1))).isEqualTo(childKey);
        assertThat(parentKey).isNotEqualTo(childKey).isNotEqualTo(parent.accountId());
        assertThat(childKey).isNotEqualTo(child.id().value());
        for (String id : concat(parentEntries, childEntries)) {
            EnrollmentDocument d = repository.findById(id).orElseThrow();
            ParticipationFacts was = before.get(id);
            assertThat(d.facts()).isEqualTo(new ParticipationFacts(was.year(), d.facts().person(), was.ageBand(),
                    District.MAPO, true, was.reductionCategory(), Audience.SPORTS, TermType.SIX_MONTH));
            assertThat(d.status()).isEqualTo(EnrollmentStatus.CANCELLED);
            String json = database.getCollection(EnrollmentRepository.COLLECTION).find(eq("_id", id)).first().toJson();
            assertThat(json).doesNotContain(parent.accountId(), child.id().value(), "지울부모", "지울아이",
                    parent.getUsername());
        }
        assertThat(before.get(childEntries.getFirst()).ageBand()).isEqualTo(AgeBand.AGE_7_12);
    }

    private String person(String id) {
        return repository.findById(id).orElseThrow().facts().person();
    }

    private long detailLogLines() {
        return database.getCollection("access_log").countDocuments(and(eq("actorAccountId", staff.accountId()),
                eq("action", "EXPORT_PERSONAL_DATA")));
    }

    private long logLinesBy(BaeumUser who) {
        return database.getCollection("access_log").countDocuments(eq("actorAccountId", who.accountId()));
    }

    /** An entry of a past year with its facts, stored directly (the reads do not care how it was made). */
    private String insert(int year, EnrollmentStatus status, Instant enrolledAt, PaymentState payment, long refund) {
        String id = EnrollmentRepository.newId();
        Instant created = Instant.parse(year + "-03-01T00:00:00Z");
        repository.insert(new EnrollmentDocument(id, "off-facts", "term-facts", "지난 강좌", "Past class", "p-" + id,
                "h-" + id, "지난사람", status, null, null, null, null, null, null, null, 30_000, null, null, null, 0,
                30_000, payment, refund, null, created, enrolledAt, status.active() ? null : created, null, "h-" + id,
                false, null, List.of(), facts(year, id)));
        return id;
    }

    private static ParticipationFacts facts(int year, String id) {
        return new ParticipationFacts(year, "person-" + id, AgeBand.AGE_40S, District.MAPO, true, null,
                Audience.ADULT, TermType.THREE_MONTH);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> T as(BaeumUser user, Supplier<T> action) {
        TestAccounts.signIn(user);
        try {
            return action.get();
        } finally {
            TestAccounts.signOut();
        }
    }

    private static void as(BaeumUser user, Runnable action) {
        TestAccounts.signIn(user);
        try {
            action.run();
        } finally {
            TestAccounts.signOut();
        }
    }
}
