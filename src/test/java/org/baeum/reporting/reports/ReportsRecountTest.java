package org.baeum.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.baeum.account.AgeBand;
import org.baeum.base.i18n.BaeumI18NProvider;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.Target;
import org.baeum.reporting.TargetLine;
import org.baeum.reporting.Targets;
import org.baeum.reporting.internal.FeedEntry;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.MemoryFeed;
import org.baeum.reporting.internal.ParticipationData;
import org.junit.jupiter.api.Test;

/** Every report but the centre's table against counts made by plain loops over the raw feed records. */
class ReportsRecountTest {

    static final Locale KO = Locale.KOREAN;
    final BaeumI18NProvider messages = new BaeumI18NProvider();
    final MemoryFeed feed = new MemoryFeed();
    final ParticipationData data;
    final List<ReportQuery> queries = List.of(ReportQuery.year(2025),
            new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), new BranchId("main"), null, null, null, null, null),
            new ReportQuery(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30), null, TermType.THREE_MONTH, null, null, null, null));

    ReportsRecountTest() {
        Samples.fill(feed, 42);
        data = feed.data(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));
    }

    boolean in(ReportQuery q, FeedOffering o) {
        return !o.firstDay().isBefore(q.from()) && !o.firstDay().isAfter(q.to())
                && (q.branch() == null || q.branch().value().equals(o.branchId()))
                && (q.termType() == null || q.termType() == o.termType());
    }

    int attended(FeedEntry e) {
        return feed.attended.getOrDefault(e.enrollmentId(), 0);
    }

    boolean participant(FeedEntry e) {
        // took a seat; an entry that ended before its first attended session (cancelled, or released unpaid) did not
        // take part
        boolean leftBeforeTakingPart = (e.status() == EnrollmentStatus.CANCELLED || e.status() == EnrollmentStatus.RELEASED)
                && attended(e) == 0;
        return e.admitted() && !leftBeforeTakingPart;
    }

    /** Courses, people and sessions; courses from the offerings, or (byEntry) from the participants' offerings. */
    long[] expect(ReportQuery q, Predicate<FeedOffering> offering, Predicate<FeedEntry> entry, boolean byEntry) {
        Set<String> courses = new HashSet<>();
        if (!byEntry) {
            feed.offerings.stream().filter(o -> in(q, o) && offering.test(o) && !o.cancelled())
                    .forEach(o -> courses.add(o.offeringId()));
        }
        Set<String> people = new HashSet<>();
        long sessions = 0;
        for (FeedEntry e : feed.entries) {
            FeedOffering o = feed.offeringOf(e);
            if (in(q, o) && offering.test(o) && entry.test(e) && participant(e)) {
                people.add(e.person());
                sessions += attended(e);
                if (byEntry && !o.cancelled()) {
                    courses.add(o.offeringId());
                }
            }
        }
        return new long[] {courses.size(), people.size(), sessions};
    }

    static List<Object> row(ReportTable t, String label) {
        return t.rows().stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    void check(ReportTable t, String label, long[] expected) {
        List<Object> r = row(t, label);
        assertThat(r.get(1)).as("%s courses", label).isEqualTo(expected[0]);
        assertThat(r.get(2)).as("%s people", label).isEqualTo(expected[1]);
        assertThat(r.get(3) == null ? 0L : r.get(3)).as("%s sessions", label).isEqualTo(expected[2]);
        assertThat(t.columns().get(2).kind()).isEqualTo(ColumnKind.PEOPLE);
        assertThat(t.columns().get(3).kind()).isEqualTo(ColumnKind.PERSON_SESSIONS);
        assertThat(t.footnotes()).anyMatch(n -> n.startsWith("실인원")).anyMatch(n -> n.startsWith("연인원"));
    }

    @Test
    void by_domain_and_by_classification() {
        for (ReportQuery q : queries) {
            ReportTable domains = new ByDomainReport(data, messages).run(q, KO);
            for (PolicyDomain d : PolicyDomain.values()) {
                check(domains, messages.get("domain." + d, KO), expect(q, o -> o.domain() == d, e -> true, false));
            }
            check(domains, "계", expect(q, o -> true, e -> true, false));
            ReportTable classes = new ByClassificationReport(data, messages).run(q, KO);
            for (LearningArea a : LearningArea.values()) {
                check(classes, messages.get("learningArea." + a, KO), expect(q, o -> o.area() == a, e -> true, false));
            }
            for (LearningSubcategory s : LearningSubcategory.values()) {
                check(classes, "· " + messages.get("learningSubcategory." + s, KO),
                        expect(q, o -> o.subcategory() == s, e -> true, false));
            }
            check(classes, "분류 없음", expect(q, o -> o.area() == null, e -> true, false));
        }
    }

    @Test
    void by_age_and_by_district_resident_first_not_known_last() {
        for (ReportQuery q : queries) {
            ReportTable ages = new ByAgeReport(data, messages).run(q, KO);
            for (AgeBand a : AgeBand.values()) {
                check(ages, messages.get("ageBand." + a, KO), expect(q, o -> true, e -> e.ageBand() == a, true));
            }
            check(ages, "계", expect(q, o -> true, e -> true, true));
            ReportTable districts = new ByDistrictReport(data, messages).run(q, KO);
            assertThat(districts.rows().getFirst().get(0)).isEqualTo("관내(마포구)");
            assertThat(districts.rows().get(districts.rows().size() - 2).get(0)).isEqualTo("알 수 없음");
            check(districts, "관내(마포구)", expect(q, o -> true, FeedEntry::resident, true));
            check(districts, "알 수 없음", expect(q, o -> true, e -> !e.resident() && e.district() == null, true));
            for (org.baeum.account.District d : org.baeum.account.District.values()) {
                long[] expected = expect(q, o -> true, e -> !e.resident() && e.district() == d, true);
                String label = messages.get(d.messageKey(), KO);
                if (expected[1] == 0) {
                    assertThat(districts.rows()).as("no line for %s", d).noneMatch(r -> r.get(0).equals(label));
                } else {
                    check(districts, label, expected);
                }
            }
        }
    }

    @Test
    void completions_reductions_and_the_funnel() {
        for (ReportQuery q : queries) {
            ReportTable completions = new CompletionsReport(data, messages).run(q, KO);
            long registered = 0;
            long completed = 0;
            for (FeedEntry e : feed.entries) {
                if (in(q, feed.offeringOf(e)) && participant(e)) {
                    registered++;
                    completed += feed.completed.contains(e.enrollmentId()) ? 1 : 0;
                }
            }
            assertThat(completions.rows().getLast()).containsExactly("계", "", registered, completed,
                    Math.round(completed * 1000.0 / registered) / 10.0);

            ReportTable reductions = new ReductionsReport(data, messages).run(q, KO);
            Set<String> all = new HashSet<>();
            for (var category : feed.categories.entrySet()) {
                Set<String> people = new HashSet<>();
                long amount = 0;
                for (FeedEntry e : feed.entries) {
                    if (in(q, feed.offeringOf(e)) && participant(e) && category.getKey().equals(e.reductionCategory())) {
                        people.add(e.person());
                        amount += e.baseFee() - e.amount();
                    }
                }
                all.addAll(people);
                assertThat(row(reductions, category.getValue().ko())).containsExactly(category.getValue().ko(),
                        (long) people.size(), amount);
            }
            assertThat(row(reductions, "계").get(1)).isEqualTo((long) all.size());

            ReportTable funnel = new FunnelReport(data, messages).run(q, KO);
            assertThat(funnel.personalData()).isFalse();
            for (FeedOffering o : feed.offerings.stream().filter(o -> in(q, o)).toList()) {
                List<FeedEntry> of = feed.entries.stream().filter(e -> e.offeringId().equals(o.offeringId())).toList();
                assertThat(row(funnel, o.programTitle().ko() + " (" + o.termName().ko() + ")")).containsExactly(
                        o.programTitle().ko() + " (" + o.termName().ko() + ")", o.branchName().ko(), (long) of.size(),
                        of.stream().filter(FeedEntry::admitted).count(), of.stream().filter(FeedEntry::paid).count(),
                        of.stream().filter(x -> x.admitted() && x.reduced()).count(), of.stream().filter(FeedEntry::cancelled).count(),
                        of.stream().filter(e -> e.refundAmount() > 0).count(),
                        of.stream().mapToLong(FeedEntry::refundAmount).sum(),
                        of.stream().filter(e -> feed.completed.contains(e.enrollmentId())).count());
            }
        }
    }

    @Test
    void targets_against_results_in_the_targets_measure() {
        Targets targets = mock(Targets.class);
        when(targets.ofYear(2025)).thenReturn(List.of(
                new Target(2025, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PEOPLE, 40),
                new Target(2025, TargetLine.DOMAIN, "ACCESS", ColumnKind.PERSON_SESSIONS, 500)));
        ReportTable t = new TargetsReport(data, targets, messages).run(ReportQuery.year(2025), KO);
        ReportQuery q = ReportQuery.year(2025);
        long swimmers = expect(q, o -> o.kind() == org.baeum.catalog.ProgramKind.SPORTS_LESSON, e -> true, false)[1];
        long access = expect(q, o -> o.domain() == PolicyDomain.ACCESS, e -> true, false)[2];
        assertThat(t.rows()).containsExactly(
                java.util.Arrays.<Object>asList("2025", "프로그램 종류: 체육 강습", "실인원", 40L, swimmers, null, null,
                        Math.round(swimmers * 1000.0 / 40) / 10.0),
                java.util.Arrays.<Object>asList("2025", "5대 영역: 진입장벽 해소·취약계층 교육", "연인원", null, null, 500L, access,
                        Math.round(access * 1000.0 / 500) / 10.0));
    }

    @Test
    void the_funnel_streams_detail_rows_of_the_selected_offerings_only() {
        FeedOffering in2025 = feed.offerings.stream().filter(o -> o.firstDay().getYear() == 2025).findFirst().orElseThrow();
        FeedOffering in2024 = feed.offerings.stream().filter(o -> o.firstDay().getYear() == 2024).findFirst().orElseThrow();
        feed.details.add(new org.baeum.reporting.internal.FeedDetail("d1", in2025.offeringId(), "요가", "김배움",
                org.baeum.enrollment.EnrollmentStatus.ENROLLED, true, 30_000, "ELDERLY", 15_000, 0,
                Instant.parse("2025-02-01T01:00:00Z"), null));
        feed.details.add(new org.baeum.reporting.internal.FeedDetail("d2", in2024.offeringId(), "서예", "이배움",
                org.baeum.enrollment.EnrollmentStatus.CANCELLED, false, 30_000, null, 30_000, 0,
                Instant.parse("2024-02-01T01:00:00Z"), Instant.parse("2024-02-03T01:00:00Z")));
        FunnelReport funnel = new FunnelReport(data, messages);
        List<List<Object>> rows = new java.util.ArrayList<>();
        funnel.forEachDetail(ReportQuery.year(2025), KO, rows::add);

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).hasSize(funnel.detailColumns(KO).size());
        assertThat(rows.getFirst().subList(0, 9)).containsExactly("d1", "요가", "김배움", "신청 완료", "예", 30_000L, "노인",
                15_000L, 0L);
        assertThat(rows.getFirst().get(10)).isNull();
    }
}
