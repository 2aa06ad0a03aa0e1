package org.baeum.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.baeum.MutableClock;
import org.baeum.catalog.Audience;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;
import org.baeum.reporting.ReportQuery;
import org.junit.jupiter.api.Test;

/** The per-year cache: built on first use, a stale table served at once while one rebuild runs behind. */
class ParticipationDataTest {

    final MemoryFeed feed = new MemoryFeed();
    final MutableClock clock = new MutableClock(ZoneOffset.UTC);
    final List<Runnable> queued = new ArrayList<>();
    final ParticipationData data = feed.data(clock, Duration.ofMinutes(5), queued::add);

    FeedOffering offering(String id, LocalDate day) {
        return feed.offering(id, "main", TermType.THREE_MONTH, Audience.ADULT, ProgramKind.CLASS, PolicyDomain.JOB_SKILLS,
                null, day, 10, false);
    }

    @Test
    void a_stale_table_answers_at_once_while_a_single_rebuild_runs_behind() {
        FeedOffering a = offering("a", LocalDate.of(2025, 3, 2));
        feed.entry("e1", a, "kim", 3);
        YearTable first = data.year(2025);
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.asOf()).isBeforeOrEqualTo(clock.instant());
        assertThat(feed.builds.get()).isEqualTo(1);

        feed.entry("e2", a, "lee", 4);
        clock.advance(Duration.ofMinutes(4));
        assertThat(data.year(2025)).as("fresh enough: the same table").isSameAs(first);
        assertThat(queued).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(data.year(2025)).as("stale: still served at once").isSameAs(first);
        assertThat(data.year(2025)).isSameAs(first);
        assertThat(queued).as("one rebuild per year, however many readers").hasSize(1);
        assertThat(feed.builds.get()).isEqualTo(1);

        queued.removeFirst().run();
        YearTable second = data.year(2025);
        assertThat(second).isNotSameAs(first);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.asOf()).isAfter(first.asOf());
        assertThat(queued).isEmpty();
    }

    @Test
    void a_period_spanning_two_years_reads_both_tables_and_counts_a_person_once() {
        feed.entry("e1", offering("a", LocalDate.of(2024, 11, 2)), "kim", 3);
        feed.entry("e2", offering("b", LocalDate.of(2025, 2, 2)), "kim", 4);
        feed.entry("e3", offering("c", LocalDate.of(2025, 9, 2)), "lee", 4);

        Selection s = data.select(new ReportQuery(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 3, 31), null, null, null,
                null, null, null));
        java.util.Set<Integer> people = new java.util.HashSet<>();
        List<String> offerings = new ArrayList<>();
        s.entries((t, e, o, p) -> people.add(p));
        s.offerings((o, g) -> offerings.add(o.offeringId()));
        assertThat(offerings).containsExactly("a", "b");
        assertThat(people).hasSize(1);
        assertThat(feed.builds.get()).isEqualTo(2);
    }
}
