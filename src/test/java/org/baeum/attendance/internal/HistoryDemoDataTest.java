package org.baeum.attendance.internal;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.visits.internal.VisitRepository;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's past year (issue 17, "Demo history"): last year's classes in both branches and every term type, the
 * history households enrolled in them (some in more than one class, some with a fee reduction, a few cancelled),
 * their sessions marked and their completions confirmed; a second run adds nothing. Counted here from the stored
 * documents, not through the reports.
 */
@BaeumIntegrationTest
class HistoryDemoDataTest {

    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    CatalogService catalog;
    @Autowired
    Completions completions;
    @Autowired
    MongoDatabase database;
    @Autowired
    org.baeum.attendance.visits.MembershipVisits membershipVisits;
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void last_year_has_classes_learners_marks_and_completions_in_both_branches() {
        DemoCatalogFixture.loadWithHistory(contributors);
        int lastYear = LocalDate.now(clock.withZone(Formats.SEOUL)).getYear() - 1;

        List<Offering> classes = SystemIdentity.call(this::lastYearsClasses);
        assertThat(classes).hasSizeGreaterThanOrEqualTo(30)
                .allMatch(o -> o.ageDay().getYear() == lastYear);
        assertThat(classes.stream().map(o -> o.program().branchId().value()).distinct()).contains("main", "ahyeon");
        Set<String> offeringIds = new HashSet<>(classes.stream().map(o -> o.id().value()).toList());

        List<Document> entries = database.getCollection("enrollments").find(in("offeringId", offeringIds))
                .into(new ArrayList<>());
        long people = entries.stream().map(e -> e.getString("participantId")).distinct().count();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(250);
        assertThat(people).as("some learners take more than one class").isLessThan(entries.size()).isGreaterThan(100);
        assertThat(entries).as("fee reductions").anyMatch(e -> e.getString("reductionCode") != null)
                .as("cancellations").anyMatch(e -> "CANCELLED".equals(e.getString("status")))
                .as("paid fees").anyMatch(e -> "PAID".equals(e.getString("payment")));

        Offering literacy = classes.stream().filter(o -> o.program().kind() == ProgramKind.LITERACY).findFirst()
                .orElseThrow();
        long literacySessions = database.getCollection(AttendanceRepository.COLLECTION)
                .countDocuments(new Document("offeringId", literacy.id().value()));
        assertThat(literacySessions).as("a school year of literacy sessions is marked").isGreaterThan(40);

        List<Completion> confirmed = SystemIdentity.call(() -> classes.stream()
                .filter(o -> o.program().kind() != ProgramKind.GYM_MEMBERSHIP)
                .flatMap(o -> completions.confirmed(o.id()).stream()).toList());
        assertThat(confirmed).as("completions confirmed, with certificates").hasSizeGreaterThan(100)
                .anyMatch(c -> c.completed() && c.certificateCode() != null);

        // the past year's gym memberships have desk visits, which are their 연인원 (decision 0047)
        Set<String> gyms = new HashSet<>(classes.stream().filter(o -> o.program().kind() == ProgramKind.GYM_MEMBERSHIP)
                .map(o -> o.id().value()).toList());
        assertThat(gyms).isNotEmpty();
        Document ofGyms = new Document("offeringId", new Document("$in", new ArrayList<>(gyms))).append("year", lastYear);
        long visits = database.getCollection(VisitRepository.COLLECTION).countDocuments(ofGyms);
        assertThat(visits).as("visits of last year's gym members").isGreaterThan(100);
        Set<String> gymEntries = new HashSet<>(entries.stream().filter(e -> gyms.contains(e.getString("offeringId")))
                .map(e -> e.getString("_id")).toList());
        assertThat(SystemIdentity.call(() -> membershipVisits.visitsOfYear(lastYear)).entrySet().stream()
                .filter(e -> gymEntries.contains(e.getKey().value())).mapToInt(java.util.Map.Entry::getValue).sum())
                .as("counted as last year's 연인원").isEqualTo((int) visits);

        DemoCatalogFixture.loadWithHistory(contributors);
        assertThat(SystemIdentity.call(this::lastYearsClasses)).as("a second run adds no class").hasSize(classes.size());
        assertThat(database.getCollection(VisitRepository.COLLECTION).countDocuments(ofGyms))
                .as("nor a visit").isEqualTo(visits);
        assertThat(database.getCollection("enrollments").countDocuments(in("offeringId", offeringIds)))
                .as("nor an entry").isEqualTo(entries.size());
    }

    private List<Offering> lastYearsClasses() {
        List<Offering> found = new ArrayList<>();
        for (Term term : catalog.terms()) {
            if (!term.id().value().startsWith("demo-h")) {
                continue;
            }
            for (int page = 0; ; page++) {
                var result = catalog.searchForStaff(new CatalogQuery(null, null, null, null, null, null, term.id(), null,
                        null, null, false, null, page, CatalogQuery.MAX_SIZE));
                found.addAll(result.items());
                if (result.items().size() < CatalogQuery.MAX_SIZE) {
                    break;
                }
            }
        }
        assertThat(found.stream().map(o -> catalog.terms().stream().filter(t -> t.id().equals(o.termId()))
                .findFirst().orElseThrow().type()).distinct()).containsExactlyInAnyOrder(TermType.values());
        return found;
    }
}
