package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.Named;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/**
 * Fee reductions granted (수강료 감면 지원) per category: people (실인원 with an admitted entry of that category) and the
 * amount reduced (fee minus amount charged), every known category even without reductions, and a total that counts
 * people again.
 */
@Component
class ReductionsReport implements Report {

    private final ParticipationData data;
    private final Messages messages;

    ReductionsReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "reductions";
    }

    @Override
    public String titleKey() {
        return "report.reductions.title";
    }

    private static final class Line {
        final BitSet people = new BitSet();
        long amount;
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Map<String, Line> lines = new TreeMap<>();
        Line total = new Line();
        s.entries((t, e, g, person) -> {
            String category = t.reductionCategory(e);
            if (category == null || !t.participant(e)) { // granted: charged to someone who took part
                return;
            }
            long reduced = Math.max(0, t.baseFee(e) - t.amount(e));
            for (Line line : List.of(lines.computeIfAbsent(category, k -> new Line()), total)) {
                line.people.set(person);
                line.amount += reduced;
            }
        });
        Map<String, Named> names = data.feed().reductionCategories();
        names.keySet().forEach(code -> lines.computeIfAbsent(code, k -> new Line())); // every category, also at 0
        List<List<Object>> rows = new ArrayList<>();
        lines.forEach((code, line) -> rows.add(ReportParts.row(names.containsKey(code) ? names.get(code).in(locale) : code,
                (long) line.people.cardinality(), line.amount)));
        rows.add(ReportParts.row(messages.get("report.total", locale), (long) total.people.cardinality(), total.amount));
        List<ReportColumn> columns = List.of(ReportParts.text(messages, locale, "category"),
                ReportParts.column(messages, locale, "people", ColumnKind.PEOPLE),
                ReportParts.column(messages, locale, "reducedAmount", ColumnKind.KRW));
        return new ReportTable(name(), messages.get(titleKey(), locale), List.of(), columns, rows,
                List.of(messages.get("report.note.reductions", locale), messages.get("report.note.people", locale)),
                s.asOf(), false);
    }
}
