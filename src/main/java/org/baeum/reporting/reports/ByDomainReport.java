package org.baeum.reporting.reports;

import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.PolicyDomain;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/** Participation by the city's five policy domains (5대 영역). */
@Component
class ByDomainReport implements Report {

    private final ParticipationData data;
    private final Messages messages;

    ByDomainReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "by-domain";
    }

    @Override
    public String titleKey() {
        return "report.byDomain.title";
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Grouping<PolicyDomain> g = Grouping.byOffering(s, o -> o.domain() == null ? List.of() : List.of(o.domain()));
        return Grouping.table(name(), titleKey(), "domain", g.rows(List.of(PolicyDomain.values()),
                d -> ReportParts.label(messages, locale, "domain", d), messages, locale), List.of(), s, messages, locale);
    }
}
