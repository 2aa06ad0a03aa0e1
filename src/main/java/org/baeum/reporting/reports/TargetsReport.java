package org.baeum.reporting.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.Target;
import org.baeum.reporting.TargetLine;
import org.baeum.reporting.Targets;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/**
 * Targets against results (추진 목표 대비 실적): each yearly target of the years in the period, its result in its
 * measure over the part of the period in that year (and the other filters), and the rate. People and person-sessions
 * have their own target and result columns, so the two are never in one column.
 */
@Component
class TargetsReport implements Report {

    private final ParticipationData data;
    private final Targets targets;
    private final Messages messages;

    TargetsReport(ParticipationData data, Targets targets, Messages messages) {
        this.data = data;
        this.targets = targets;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "targets";
    }

    @Override
    public String titleKey() {
        return "report.targets.title";
    }

    static boolean matches(FeedOffering o, TargetLine line, String key) {
        Enum<?> value = switch (line) {
            case PROGRAM_KIND -> o.kind();
            case DOMAIN -> o.domain();
            case AREA -> o.area();
            case SUBCATEGORY -> o.subcategory();
        };
        return value != null && value.name().equals(key);
    }

    @Override
    public ReportTable run(ReportQuery q, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        java.time.Instant asOf = null;
        for (int year = q.from().getYear(); year <= q.to().getYear(); year++) {
            List<Target> ofYear = targets.ofYear(year);
            if (ofYear.isEmpty()) {
                continue;
            }
            LocalDate from = q.from().getYear() == year ? q.from() : LocalDate.of(year, 1, 1);
            LocalDate to = q.to().getYear() == year ? q.to() : LocalDate.of(year, 12, 31);
            Selection s = data.select(new ReportQuery(from, to, q.branch(), q.termType(), q.audience(), q.domain(),
                    q.area(), q.subcategory()));
            asOf = asOf == null || s.asOf().isBefore(asOf) ? s.asOf() : asOf;
            for (Target t : ofYear) {
                Tally tally = new Tally();
                s.offerings((o, g) -> {
                    if (matches(o, t.line(), t.key())) {
                        tally.course(o, g);
                    }
                });
                s.entries((table, e, g, person) -> {
                    if (matches(table.offeringOf(e), t.line(), t.key())) {
                        tally.entry(table, e, person);
                    }
                });
                boolean people = t.measure() == ColumnKind.PEOPLE;
                Long result = people ? tally.people() : tally.personSessions();
                rows.add(ReportParts.row(String.valueOf(year),
                        messages.get("report.targetLine." + t.line(), locale) + ": "
                                + messages.get(t.line().labelKey(t.key()), locale),
                        messages.get("report.measure." + t.measure(), locale),
                        people ? t.value() : null, people ? result : null,
                        people ? null : t.value(), people ? null : result,
                        result == null ? null : ReportParts.rate(result, t.value())));
            }
        }
        List<ReportColumn> columns = List.of(ReportParts.text(messages, locale, "year"),
                ReportParts.text(messages, locale, "targetLine"), ReportParts.text(messages, locale, "measure"),
                new ReportColumn("target.people", messages.get("report.col.target", locale), ColumnKind.PEOPLE),
                new ReportColumn("result.people", messages.get("report.col.result", locale), ColumnKind.PEOPLE),
                new ReportColumn("target.personSessions", messages.get("report.col.target", locale), ColumnKind.PERSON_SESSIONS),
                new ReportColumn("result.personSessions", messages.get("report.col.result", locale), ColumnKind.PERSON_SESSIONS),
                ReportParts.column(messages, locale, "rate", ColumnKind.PERCENT));
        List<HeaderCell> header = List.of(new HeaderCell("", 3, 1),
                new HeaderCell(messages.get("report.col.people", locale), 2, 1),
                new HeaderCell(messages.get("report.col.personSessions", locale), 2, 1), new HeaderCell("", 1, 1));
        List<String> notes = List.of(messages.get("report.note.targets", locale), messages.get("report.note.people", locale),
                messages.get("report.note.personSessions", locale), messages.get("report.note.memberships", locale));
        return new ReportTable(name(), messages.get(titleKey(), locale), List.of(header), columns, rows, notes,
                asOf == null ? data.now() : asOf, false);
    }
}
