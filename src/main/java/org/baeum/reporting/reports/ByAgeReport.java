package org.baeum.reporting.reports;

import java.util.List;
import java.util.Locale;
import org.baeum.account.AgeBand;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/** Participation by age band (on the class's first session day, as the entry kept it). */
@Component
class ByAgeReport implements Report {

    private final ParticipationData data;
    private final Messages messages;

    ByAgeReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "by-age";
    }

    @Override
    public String titleKey() {
        return "report.byAge.title";
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Grouping<AgeBand> g = Grouping.byEntry(s, (t, e) -> t.ageBand(e));
        return Grouping.table(name(), titleKey(), "ageBand", g.rows(List.of(AgeBand.values()),
                        a -> ReportParts.label(messages, locale, "ageBand", a), messages, locale),
                List.of("report.note.groupCourses"), s, messages, locale);
    }
}
