package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.reporting.Report;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/**
 * Participation by the national classification: a line per learning area (평생교육법 제2조), its sub-categories
 * (6진 분류) under it, and the classes not classified.
 */
@Component
class ByClassificationReport implements Report {

    private final ParticipationData data;
    private final Messages messages;

    ByClassificationReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "by-classification";
    }

    @Override
    public String titleKey() {
        return "report.byClassification.title";
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Grouping<Enum<?>> g = Grouping.byOffering(s, o -> {
            if (o.area() == null) {
                return List.of(Missing.NONE);
            }
            return o.subcategory() == null ? List.of(o.area()) : List.of(o.area(), o.subcategory());
        });
        List<Enum<?>> order = new ArrayList<>();
        for (LearningArea area : LearningArea.values()) {
            order.add(area);
            for (LearningSubcategory sub : LearningSubcategory.values()) {
                if (sub.area() == area) {
                    order.add(sub);
                }
            }
        }
        order.add(Missing.NONE);
        return Grouping.table(name(), titleKey(), "classification", g.rows(order, k -> switch (k) {
            case LearningArea a -> ReportParts.label(messages, locale, "learningArea", a);
            case LearningSubcategory sub -> "· " + ReportParts.label(messages, locale, "learningSubcategory", sub);
            default -> messages.get("report.notClassified", locale);
        }, messages, locale), List.of("report.note.classification"), s, messages, locale);
    }

    /** The group of classes without a classification. */
    private enum Missing {
        NONE
    }
}
