package org.baeum.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.base.i18n.BaeumI18NProvider;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.FeedEntry;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.MemoryFeed;
import org.junit.jupiter.api.Test;

/** The centre's table against counts made by plain loops over the raw feed records. */
class ParticipationReportTest {

    static final Locale KO = Locale.KOREAN;
    final MemoryFeed feed = new MemoryFeed();
    final ParticipationReport report = new ParticipationReport(feed.data(Clock.fixed(
            java.time.Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC)), new BaeumI18NProvider());

    /** Column index of a key. */
    static int col(ReportTable t, String key) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no column " + key);
    }

    static List<Object> row(ReportTable t, String branch, String line) {
        return t.rows().stream().filter(r -> r.get(0).equals(branch) && r.get(1).equals(line)).findFirst().orElseThrow();
    }

    @Test
    void one_person_in_two_classes_counts_once_in_people_and_sessions_are_those_attended() {
        FeedOffering a = feed.offering("a", "main", TermType.THREE_MONTH, Audience.ADULT, ProgramKind.CLASS,
                PolicyDomain.JOB_SKILLS, LearningSubcategory.HUMANITIES, LocalDate.of(2025, 3, 4), 12, false);
        FeedOffering b = feed.offering("b", "main", TermType.THREE_MONTH, Audience.ADULT, ProgramKind.CLASS,
                PolicyDomain.JOB_SKILLS, null, LocalDate.of(2025, 3, 5), 12, false);
        feed.entry("e1", a, "kim", 10);
        feed.entry("e2", b, "kim", 7);
        feed.entry("e3", a, UUID.randomUUID().toString(), 12); // a deleted account's entry: its key was replaced

        ReportTable t = report.run(ReportQuery.year(2025), KO);

        List<Object> line = row(t, "본관", "3개월 강좌");
        assertThat(line.get(col(t, "adult.courses"))).isEqualTo(2L);
        assertThat(line.get(col(t, "adult.people"))).isEqualTo(2L);
        assertThat(line.get(col(t, "adult.personSessions"))).isEqualTo(29L);
        assertThat(feed.entries.stream().filter(e -> e.person().equals("kim")).count()).isEqualTo(2);
        assertThat(t.asOf()).isEqualTo(java.time.Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(t.personalData()).isFalse();
        assertThat(t.columns().get(col(t, "adult.people")).kind()).isEqualTo(ColumnKind.PEOPLE);
        assertThat(t.columns().get(col(t, "adult.personSessions")).kind()).isEqualTo(ColumnKind.PERSON_SESSIONS);
        assertThat(t.headerRows().getFirst().stream().mapToInt(h -> h.colspan()).sum()).isEqualTo(t.columns().size());
        assertThat(t.headerRows().getFirst().get(1).label()).isEqualTo("성인");
        assertThat(t.footnotes()).anyMatch(n -> n.startsWith("실인원")).anyMatch(n -> n.startsWith("연인원"))
                .anyMatch(n -> n.contains("접수 데스크에서 확인한 입실 횟수"));
    }

    @Test
    void a_class_of_twelve_sessions_attended_ten_times_gives_ten_person_sessions() {
        FeedOffering a = feed.offering("a", "main", TermType.YEAR_LONG, Audience.ADULT, ProgramKind.LITERACY,
                PolicyDomain.ACCESS, LearningSubcategory.LITERACY_BASICS, LocalDate.of(2025, 3, 4), 12, false);
        feed.entry("e1", a, "lee", 10);

        List<Object> line = row(report.run(ReportQuery.year(2025), KO), "본관", "연간 과정");
        assertThat(line.subList(2, 5)).containsExactly(1L, 1L, 10L);
    }

    @Test
    void memberships_have_no_person_sessions_and_the_subtotal_counts_people_again() {
        FeedOffering gym = feed.offering("gym", "main", TermType.QUARTERLY, Audience.SPORTS, ProgramKind.GYM_MEMBERSHIP,
                PolicyDomain.SUPPORT_SYSTEM, LearningSubcategory.LEISURE_SPORTS, LocalDate.of(2025, 1, 2), 0, false);
        FeedOffering pool = feed.offering("pool", "main", TermType.QUARTERLY, Audience.ADULT, ProgramKind.SPORTS_LESSON,
                PolicyDomain.SUPPORT_SYSTEM, LearningSubcategory.LEISURE_SPORTS, LocalDate.of(2025, 1, 3), 24, false);
        feed.entry("e1", gym, "park", 0);
        feed.entry("e2", pool, "park", 20);

        ReportTable t = report.run(ReportQuery.year(2025), Locale.ENGLISH);
        List<Object> line = row(t, "Main", "Quarterly");
        assertThat(line.get(col(t, "sports.people"))).isEqualTo(1L);
        assertThat(line.get(col(t, "sports.personSessions"))).isNull();
        assertThat(line.get(col(t, "adult.personSessions"))).isEqualTo(20L);
        assertThat(line.get(col(t, "total.people"))).isEqualTo(1L); // not 1 + 1
        assertThat(line.get(col(t, "total.personSessions"))).isEqualTo(20L);
        assertThat(t.footnotes()).anyMatch(n -> n.contains("the visits checked in at the front desk"));
    }

    @Test
    void a_membership_with_visits_counts_them_as_person_sessions() {
        FeedOffering gym = feed.offering("gym", "main", TermType.QUARTERLY, Audience.SPORTS, ProgramKind.GYM_MEMBERSHIP,
                PolicyDomain.SUPPORT_SYSTEM, LearningSubcategory.LEISURE_SPORTS, LocalDate.of(2025, 1, 2), 0, false);
        feed.entry("e1", gym, "park", 7);
        feed.entry("e2", gym, "kim", 0);

        ReportTable t = report.run(ReportQuery.year(2025), Locale.ENGLISH);
        List<Object> line = row(t, "Main", "Quarterly");
        assertThat(line.get(col(t, "sports.people"))).isEqualTo(2L);
        assertThat(line.get(col(t, "sports.personSessions"))).isEqualTo(7L);
    }

    @Test
    void every_cell_equals_a_recount_of_the_raw_records_under_each_filter() {
        Random random = new Random(17);
        TermType[] types = TermType.values();
        Audience[] audiences = Audience.values();
        PolicyDomain[] domains = PolicyDomain.values();
        LearningSubcategory[] subs = LearningSubcategory.values();
        for (int i = 0; i < 40; i++) {
            ProgramKind kind = i % 9 == 0 ? ProgramKind.GYM_MEMBERSHIP : ProgramKind.CLASS;
            feed.offering("o" + i, i % 3 == 0 ? "ahyeon" : "main", types[random.nextInt(4)], audiences[random.nextInt(4)],
                    kind, domains[random.nextInt(5)], random.nextInt(5) == 0 ? null : subs[random.nextInt(subs.length)],
                    LocalDate.of(2024 + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    kind == ProgramKind.GYM_MEMBERSHIP ? 0 : 8 + random.nextInt(20), random.nextInt(10) == 0);
        }
        for (int i = 0; i < 600; i++) {
            FeedOffering o = feed.offerings.get(random.nextInt(feed.offerings.size()));
            boolean admitted = random.nextInt(5) > 0;
            int ending = random.nextInt(9);
            boolean cancelled = ending < 1;
            boolean released = ending == 1; // the fee was not paid in time
            int att = admitted && o.sessions() > 0 && random.nextBoolean() ? random.nextInt(o.sessions() + 1) : 0;
            feed.entry("e" + i, o, "p" + random.nextInt(150), AgeBand.AGE_30S, District.MAPO, true, null,
                    cancelled ? EnrollmentStatus.CANCELLED : released ? EnrollmentStatus.RELEASED : EnrollmentStatus.ENROLLED,
                    admitted, admitted, 10_000, 10_000, 0, cancelled, att);
        }
        List<ReportQuery> queries = List.of(ReportQuery.year(2025), ReportQuery.year(2024),
                new ReportQuery(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30), null, null, null, null, null, null),
                new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), new BranchId("ahyeon"), null, null, null, null, null),
                new ReportQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, TermType.SIX_MONTH, null, null, null, null),
                new ReportQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, Audience.YOUTH_CHILDREN, null, null, null),
                new ReportQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null, PolicyDomain.ACCESS, null, null),
                new ReportQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null, null,
                        org.baeum.catalog.LearningArea.LIBERAL_ARTS, null));
        Set<Object> totals = new HashSet<>();
        for (ReportQuery q : queries) {
            ReportTable t = report.run(q, KO);
            Predicate<FeedOffering> in = o -> !o.firstDay().isBefore(q.from()) && !o.firstDay().isAfter(q.to())
                    && (q.branch() == null || q.branch().value().equals(o.branchId()))
                    && (q.domain() == null || q.domain() == o.domain()) && (q.area() == null || q.area() == o.area());
            for (String branch : List.of("main", "ahyeon")) {
                String name = "main".equals(branch) ? "본관" : "아현분관";
                for (TermType type : TermType.values()) {
                    if (t.rows().stream().noneMatch(r -> r.get(0).equals(name))) {
                        continue;
                    }
                    List<Object> line = row(t, name, new BaeumI18NProvider().get("termType." + type, KO));
                    for (Audience a : Audience.values()) {
                        Predicate<FeedOffering> cellO = o -> in.test(o) && o.branchId().equals(branch)
                                && o.termType() == type && o.audience() == a
                                && (q.termType() == null || q.termType() == type) && (q.audience() == null || q.audience() == a);
                        long courses = feed.offerings.stream().filter(cellO).filter(o -> !o.cancelled()).count();
                        Set<String> people = new HashSet<>();
                        long sessions = 0;
                        for (FeedEntry e : feed.entries) {
                            if (cellO.test(feed.offeringOf(e)) && e.admitted()
                                    && (!(e.cancelled() || e.status() == EnrollmentStatus.RELEASED)
                                    || feed.attended.getOrDefault(e.enrollmentId(), 0) > 0)) {
                                people.add(e.person());
                                sessions += feed.attended.getOrDefault(e.enrollmentId(), 0);
                            }
                        }
                        String p = a.name().toLowerCase(Locale.ROOT);
                        assertThat(line.get(col(t, p + ".courses"))).as("%s %s %s %s", q, branch, type, a).isEqualTo(courses);
                        assertThat(line.get(col(t, p + ".people"))).as("%s %s %s %s", q, branch, type, a)
                                .isEqualTo((long) people.size());
                        Object ps = line.get(col(t, p + ".personSessions"));
                        assertThat(ps == null ? 0L : ps).isEqualTo(sessions);
                    }
                }
            }
            Set<String> all = new HashSet<>();
            feed.entries.stream().filter(e -> in.test(feed.offeringOf(e)) && e.admitted()
                            && (q.termType() == null || q.termType() == e.termType())
                            && (q.audience() == null || q.audience() == e.audience())
                            && (!(e.cancelled() || e.status() == EnrollmentStatus.RELEASED)
                                    || feed.attended.getOrDefault(e.enrollmentId(), 0) > 0))
                    .forEach(e -> all.add(e.person()));
            List<Object> total = t.rows().getLast();
            assertThat(total.get(col(t, "total.people"))).as("total of %s", q).isEqualTo((long) all.size());
            totals.add(total.get(col(t, "total.people")));
        }
        assertThat(totals).as("the filters change the answer").hasSizeGreaterThan(5);
    }
}
