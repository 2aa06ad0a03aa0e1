package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.Selection;
import org.baeum.reporting.internal.YearTable;

/**
 * Participation (courses, 실인원, 연인원) grouped by one thing, with a total that counts people again over all groups.
 * Grouped by an offering's attribute, a group's courses are its offerings; grouped by an entry's fact (age band,
 * district), a group's courses are the offerings with a participant in the group.
 */
final class Grouping<K> {

    /** The key of an entry (for groups by entry facts). */
    @FunctionalInterface
    interface EntryKey<K> {
        K of(YearTable table, int entry);
    }

    final Map<K, Tally> groups = new LinkedHashMap<>();
    final Tally total = new Tally();

    private Tally group(K key) {
        return groups.computeIfAbsent(key, k -> new Tally());
    }

    /** Groups by the offering: an offering may be in several groups (e.g. its area and its sub-category). */
    static <K> Grouping<K> byOffering(Selection s, Function<FeedOffering, List<K>> keys) {
        Grouping<K> g = new Grouping<>();
        s.offerings((o, go) -> {
            keys.apply(o).forEach(k -> g.group(k).course(o, go));
            g.total.course(o, go);
        });
        s.entries((t, e, go, person) -> {
            keys.apply(t.offeringOf(e)).forEach(k -> g.group(k).entry(t, e, person));
            g.total.entry(t, e, person);
        });
        return g;
    }

    /** Groups by a fact of the entry; courses are those with a participant in the group. */
    static <K> Grouping<K> byEntry(Selection s, EntryKey<K> key) {
        Grouping<K> g = new Grouping<>();
        s.entries((t, e, go, person) -> {
            if (!t.participant(e)) {
                return;
            }
            Tally group = g.group(key.of(t, e));
            group.course(t.offeringOf(e), go);
            group.entry(t, e, person);
            g.total.course(t.offeringOf(e), go);
            g.total.entry(t, e, person);
        });
        return g;
    }

    /** Rows for the keys in order (a key without participation shows zeros), then the total. */
    List<List<Object>> rows(List<K> order, Function<K, String> label, Messages m, Locale l) {
        List<List<Object>> rows = new ArrayList<>();
        for (K key : order) {
            rows.add(ReportParts.with(ReportParts.row(label.apply(key)), groups.getOrDefault(key, new Tally())));
        }
        rows.add(ReportParts.with(ReportParts.row(m.get("report.total", l)), total));
        return rows;
    }

    /** A one-level table: the group's label, courses, 실인원 and 연인원. */
    static ReportTable table(String name, String titleKey, String groupColumn, List<List<Object>> rows,
                             List<String> extraNotes, Selection s, Messages m, Locale l) {
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(new ReportColumn(groupColumn, m.get("report.col." + groupColumn, l), ColumnKind.TEXT));
        columns.addAll(ReportParts.participation(m, l, ""));
        List<String> notes = new ArrayList<>(ReportParts.participationNotes(m, l));
        extraNotes.forEach(k -> notes.add(m.get(k, l)));
        return new ReportTable(name, m.get(titleKey, l), List.of(), columns, rows, notes, s.asOf(), false);
    }
}
