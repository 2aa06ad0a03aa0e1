package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ReportColumn;

/** What the reports share: the participation columns, the definitions in their footnotes, rates and rows. */
final class ReportParts {

    private ReportParts() {
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    static ReportColumn text(Messages m, Locale l, String key) {
        return new ReportColumn(key, m.get("report.col." + key, l), ColumnKind.TEXT);
    }

    static ReportColumn column(Messages m, Locale l, String key, ColumnKind kind) {
        return new ReportColumn(key, m.get("report.col." + key, l), kind);
    }

    /** Courses, 실인원 and 연인원, their keys prefixed with {@code prefix.} unless it is empty. */
    static List<ReportColumn> participation(Messages m, Locale l, String prefix) {
        String p = prefix.isEmpty() ? "" : prefix + ".";
        return List.of(new ReportColumn(p + "courses", m.get("report.col.courses", l), ColumnKind.COUNT),
                new ReportColumn(p + "people", m.get("report.col.people", l), ColumnKind.PEOPLE),
                new ReportColumn(p + "personSessions", m.get("report.col.personSessions", l), ColumnKind.PERSON_SESSIONS));
    }

    /** Appends a tally's three values. */
    static List<Object> with(List<Object> row, Tally t) {
        row.add(t.courses());
        row.add(t.people());
        row.add(t.personSessions());
        return row;
    }

    /** The footnotes of a participation report: courses, 실인원 (not summed), 연인원, memberships. */
    static List<String> participationNotes(Messages m, Locale l) {
        return List.of(m.get("report.note.courses", l), m.get("report.note.people", l),
                m.get("report.note.personSessions", l), m.get("report.note.memberships", l));
    }

    /** The share in percent with one decimal, {@code null} when there is nothing to divide by. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    static String label(Messages m, Locale l, String prefix, Enum<?> value) {
        return m.get(prefix + "." + value.name(), l);
    }
}
