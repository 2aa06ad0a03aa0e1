package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.Audience;
import org.baeum.catalog.TermType;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.Named;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/**
 * The centre's table (평생학습교실·문해교육 운영 현황) as the seed report lays it: per branch, a line per term type
 * and a subtotal, each with courses, 실인원 and 연인원 per audience and in total, and a total of all branches. Courses
 * are grouped by the offering's term type and audience, participants by those their entry kept.
 */
@Component
class ParticipationReport implements Report {

    private static final int LINES = TermType.values().length;
    private static final int AUDIENCES = Audience.values().length;

    private final ParticipationData data;
    private final Messages messages;

    ParticipationReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "participation";
    }

    @Override
    public String titleKey() {
        return "report.participation.title";
    }

    /** Cells by line (term types, then the subtotal) and audience (then the total). */
    private static Tally[][] cells() {
        Tally[][] cells = new Tally[LINES + 1][AUDIENCES + 1];
        for (Tally[] line : cells) {
            for (int a = 0; a < line.length; a++) {
                line[a] = new Tally();
            }
        }
        return cells;
    }

    private record Branch(Named name, Tally[][] cells) {
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection selection = data.select(query);
        Map<String, Branch> branches = new TreeMap<>();
        Tally[][] total = cells();
        selection.offerings((o, g) -> {
            Tally[][] b = branches.computeIfAbsent(o.branchId(), k -> new Branch(o.branchName(), cells())).cells();
            for (Tally[][] scope : List.of(b, total)) {
                for (int line : new int[] {o.termType().ordinal(), LINES}) {
                    scope[line][o.audience().ordinal()].course(o, g);
                    scope[line][AUDIENCES].course(o, g);
                }
            }
        });
        selection.entries((t, e, g, person) -> {
            var o = t.offeringOf(e);
            Tally[][] b = branches.computeIfAbsent(o.branchId(), k -> new Branch(o.branchName(), cells())).cells();
            for (Tally[][] scope : List.of(b, total)) {
                for (int line : new int[] {t.termType(e).ordinal(), LINES}) {
                    scope[line][t.audience(e).ordinal()].entry(t, e, person);
                    scope[line][AUDIENCES].entry(t, e, person);
                }
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        branches.values().stream().sorted(java.util.Comparator.comparing(b -> b.name().ko())).forEach(b -> {
            String name = b.name().in(locale);
            for (TermType type : TermType.values()) {
                rows.add(line(name, ReportParts.label(messages, locale, "termType", type), b.cells()[type.ordinal()]));
            }
            rows.add(line(name, messages.get("report.subtotal", locale), b.cells()[LINES]));
        });
        rows.add(line(messages.get("report.allBranches", locale), messages.get("report.total", locale), total[LINES]));
        List<String> notes = new ArrayList<>(ReportParts.participationNotes(messages, locale));
        notes.add(messages.get("report.note.totalsDistinct", locale));
        return new ReportTable(name(), messages.get(titleKey(), locale), List.of(header(locale)), columns(locale), rows,
                notes, selection.asOf(), false);
    }

    private static List<Object> line(String branch, String label, Tally[] cells) {
        List<Object> row = ReportParts.row(branch, label);
        for (Tally cell : cells) {
            ReportParts.with(row, cell);
        }
        return row;
    }

    private List<HeaderCell> header(Locale locale) {
        List<HeaderCell> cells = new ArrayList<>();
        cells.add(new HeaderCell(messages.get("report.col.line", locale), 2, 1));
        for (Audience a : Audience.values()) {
            cells.add(new HeaderCell(ReportParts.label(messages, locale, "audience", a), 3, 1));
        }
        cells.add(new HeaderCell(messages.get("report.total", locale), 3, 1));
        return cells;
    }

    private List<ReportColumn> columns(Locale locale) {
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(ReportParts.text(messages, locale, "branch"));
        columns.add(ReportParts.text(messages, locale, "line"));
        for (Audience a : Audience.values()) {
            columns.addAll(ReportParts.participation(messages, locale, a.name().toLowerCase(Locale.ROOT)));
        }
        columns.addAll(ReportParts.participation(messages, locale, "total"));
        return columns;
    }
}
