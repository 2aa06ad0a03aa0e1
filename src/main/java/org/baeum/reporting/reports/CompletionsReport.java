package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/** Completions (이수 현황) per program and term: registered (admitted entries), completed (이수) and the rate. */
@Component
class CompletionsReport implements Report {

    private final ParticipationData data;
    private final Messages messages;

    CompletionsReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "completions";
    }

    @Override
    public String titleKey() {
        return "report.completions.title";
    }

    private static final class Line {
        final FeedOffering first;
        long registered;
        long completed;

        Line(FeedOffering first) {
            this.first = first;
        }
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Map<String, Line> lines = new LinkedHashMap<>();
        s.offerings((o, g) -> lines.computeIfAbsent(o.programId() + "/" + o.termId(), k -> new Line(o)));
        long[] total = new long[2];
        s.entries((t, e, g, person) -> {
            if (!t.participant(e)) { // registered: took a seat and did not leave before the class
                return;
            }
            FeedOffering o = t.offeringOf(e);
            Line line = lines.computeIfAbsent(o.programId() + "/" + o.termId(), k -> new Line(o));
            line.registered++;
            total[0]++;
            if (t.completed(e)) {
                line.completed++;
                total[1]++;
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        lines.values().stream().sorted(Comparator.comparing((Line l) -> l.first.programTitle().in(locale))
                        .thenComparing(l -> l.first.firstDay()))
                .forEach(l -> rows.add(ReportParts.row(l.first.programTitle().in(locale), l.first.termName().in(locale),
                        l.registered, l.completed, ReportParts.rate(l.completed, l.registered))));
        rows.add(ReportParts.row(messages.get("report.total", locale), "", total[0], total[1],
                ReportParts.rate(total[1], total[0])));
        List<ReportColumn> columns = List.of(ReportParts.text(messages, locale, "program"),
                ReportParts.text(messages, locale, "term"),
                ReportParts.column(messages, locale, "registered", ColumnKind.COUNT),
                ReportParts.column(messages, locale, "completed", ColumnKind.COUNT),
                ReportParts.column(messages, locale, "rate", ColumnKind.PERCENT));
        return new ReportTable(name(), messages.get(titleKey(), locale), List.of(), columns, rows,
                List.of(messages.get("report.note.completions", locale)), s.asOf(), false);
    }
}
