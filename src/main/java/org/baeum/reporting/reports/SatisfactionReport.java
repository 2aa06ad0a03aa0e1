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
import org.baeum.survey.results.Aggregation;
import org.baeum.survey.results.GroupResult;
import org.baeum.survey.results.ItemResult;
import org.baeum.survey.results.SurveyResults;
import org.springframework.stereotype.Component;

/**
 * Satisfaction (만족도 조사 결과) per program and term (decision 0052): the classes the query selects (as every report
 * selects them), their survey invitations and answers through {@link SurveyResults#byOffering}, the response rate, the
 * share satisfied or better on the overall item and on every rated item pooled. Figures only: no free text, no person.
 */
@Component
class SatisfactionReport implements Report {

    /** The default questionnaire's overall item ({@code survey.DefaultQuestionnaire}). */
    static final String OVERALL = "overall";

    private final ParticipationData data;
    private final SurveyResults surveys;
    private final Messages messages;

    SatisfactionReport(ParticipationData data, SurveyResults surveys, Messages messages) {
        this.data = data;
        this.surveys = surveys;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "satisfaction";
    }

    @Override
    public String titleKey() {
        return "report.satisfaction.title";
    }

    private static final class Line {
        final FeedOffering first;
        final Aggregation answers = new Aggregation(List.of());
        long classes;

        Line(FeedOffering first) {
            this.first = first;
        }
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Map<String, FeedOffering> offerings = new LinkedHashMap<>();
        s.offerings((o, g) -> {
            if (!o.cancelled()) {
                offerings.put(o.offeringId(), o);
            }
        });
        Map<String, Aggregation> surveyed = surveys.byOffering(offerings.keySet(), locale);
        Map<String, Line> lines = new LinkedHashMap<>();
        Line total = new Line(null);
        surveyed.forEach((offering, answers) -> {
            FeedOffering o = offerings.get(offering);
            Line line = lines.computeIfAbsent(o.programId() + "/" + o.termId(), k -> new Line(o));
            line.answers.addAll(answers);
            line.classes++;
            total.answers.addAll(answers);
            total.classes++;
        });
        List<List<Object>> rows = new ArrayList<>();
        lines.values().stream().sorted(Comparator.comparing((Line l) -> l.first.programTitle().in(locale))
                        .thenComparing(l -> l.first.firstDay()))
                .forEach(l -> rows.add(row(l, l.first.programTitle().in(locale), l.first.termName().in(locale))));
        rows.add(row(total, messages.get("report.total", locale), ""));
        List<ReportColumn> columns = List.of(ReportParts.text(messages, locale, "program"),
                ReportParts.text(messages, locale, "term"),
                ReportParts.column(messages, locale, "surveyedClasses", ColumnKind.COUNT),
                ReportParts.column(messages, locale, "invited", ColumnKind.COUNT),
                ReportParts.column(messages, locale, "answered", ColumnKind.COUNT),
                ReportParts.column(messages, locale, "responseRate", ColumnKind.PERCENT),
                ReportParts.column(messages, locale, "overallSatisfied", ColumnKind.PERCENT),
                ReportParts.column(messages, locale, "allItemsSatisfied", ColumnKind.PERCENT));
        return new ReportTable(name(), messages.get(titleKey(), locale), List.of(), columns, rows,
                List.of(messages.get("report.note.satisfaction", locale),
                        messages.get("report.note.satisfactionItems", locale)), data.now(), false);
    }

    private static List<Object> row(Line l, String program, String term) {
        GroupResult r = l.answers.result("", "");
        Double overall = r.items().stream().filter(i -> i.id().equals(OVERALL) && i.rated()).findFirst()
                .map(ItemResult::satisfiedShare).orElse(null);
        return ReportParts.row(program, term, l.classes, r.invited(), r.answered(), r.responseRate(), overall,
                l.answers.satisfaction().satisfiedShare());
    }
}
