package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baeum.account.District;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/**
 * Participation by where the household lived when the entry was made: residents of the centre's district (관내)
 * first, then the other districts, then "not known".
 */
@Component
class ByDistrictReport implements Report {

    private static final String RESIDENT = "RESIDENT";
    private static final String UNKNOWN = "UNKNOWN";

    private final ParticipationData data;
    private final Messages messages;

    ByDistrictReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "by-district";
    }

    @Override
    public String titleKey() {
        return "report.byDistrict.title";
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        District[] home = new District[1];
        Grouping<String> g = Grouping.byEntry(s, (t, e) -> {
            if (t.resident(e)) {
                home[0] = home[0] == null ? t.district(e) : home[0];
                return RESIDENT;
            }
            return t.district(e) == null ? UNKNOWN : t.district(e).name();
        });
        List<String> order = new ArrayList<>();
        order.add(RESIDENT);
        for (District d : District.values()) {
            if (g.groups.containsKey(d.name())) {
                order.add(d.name());
            }
        }
        order.add(UNKNOWN);
        String homeName = home[0] == null ? "" : messages.get(home[0].messageKey(), locale);
        return Grouping.table(name(), titleKey(), "district", g.rows(order, k -> switch (k) {
            case RESIDENT -> messages.get("report.district.resident", locale, homeName);
            case UNKNOWN -> messages.get("report.district.unknown", locale);
            default -> messages.get("district." + k, locale);
        }, messages, locale), List.of("report.note.groupCourses"), s, messages, locale);
    }
}
