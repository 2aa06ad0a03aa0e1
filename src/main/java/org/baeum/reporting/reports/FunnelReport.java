package org.baeum.reporting.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.DetailedReport;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.Named;
import org.baeum.reporting.internal.ParticipationData;
import org.baeum.reporting.internal.Selection;
import org.springframework.stereotype.Component;

/**
 * The funnel per offering (강좌별 신청·수강 현황): applied (all entries), admitted, paid, reduced, cancelled,
 * refunded (count and KRW) and completed; entries, not people. The table names nobody; its detail rows (one per
 * entry, from the feed, which writes the access log) name the participants.
 */
@Component
class FunnelReport implements DetailedReport {

    private static final String[] COUNTS = {"applied", "admitted", "paid", "reduced", "cancelled", "refunded"};

    private final ParticipationData data;
    private final Messages messages;

    FunnelReport(ParticipationData data, Messages messages) {
        this.data = data;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "funnel";
    }

    @Override
    public String titleKey() {
        return "report.funnel.title";
    }

    @Override
    public ReportTable run(ReportQuery query, Locale locale) {
        Selection s = data.select(query);
        Map<Integer, long[]> byOffering = new HashMap<>();
        List<FeedOffering> offerings = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        s.offerings((o, g) -> {
            offerings.add(o);
            ids.add(g);
            byOffering.put(g, new long[8]);
        });
        long[] total = new long[8];
        s.entries((t, e, g, person) -> {
            long[] c = byOffering.get(g);
            if (c == null) {
                return; // the entry kept another term type or audience than its offering has now
            }
            for (long[] n : List.of(c, total)) {
                n[0]++;
                n[1] += t.admitted(e) ? 1 : 0;
                n[2] += t.paid(e) ? 1 : 0;
                n[3] += t.admitted(e) && t.reduced(e) ? 1 : 0;
                n[4] += t.cancelled(e) ? 1 : 0;
                n[5] += t.refund(e) > 0 ? 1 : 0;
                n[6] += t.refund(e);
                n[7] += t.completed(e) ? 1 : 0;
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < offerings.size(); i++) {
            FeedOffering o = offerings.get(i);
            rows.add(line(title(o, locale), o.branchName().in(locale), byOffering.get(ids.get(i))));
        }
        rows.sort(java.util.Comparator.comparing(r -> (String) r.get(0)));
        rows.add(line(messages.get("report.total", locale), "", total));
        List<ReportColumn> columns = new ArrayList<>(List.of(ReportParts.text(messages, locale, "offering"),
                ReportParts.text(messages, locale, "branch")));
        for (String key : COUNTS) {
            columns.add(ReportParts.column(messages, locale, key, ColumnKind.COUNT));
        }
        columns.add(ReportParts.column(messages, locale, "refundAmount", ColumnKind.KRW));
        columns.add(ReportParts.column(messages, locale, "completed", ColumnKind.COUNT));
        return new ReportTable(name(), messages.get(titleKey(), locale), List.of(), columns, rows,
                List.of(messages.get("report.note.funnel", locale)), s.asOf(), false);
    }

    private static String title(FeedOffering o, Locale locale) {
        return o.programTitle().in(locale) + " (" + o.termName().in(locale) + ")";
    }

    private static List<Object> line(String title, String branch, long[] n) {
        return ReportParts.row(title, branch, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    @Override
    public String detailTitleKey() {
        return "report.funnel.detailTitle";
    }

    @Override
    public List<ReportColumn> detailColumns(Locale l) {
        return List.of(ReportParts.text(messages, l, "enrollmentId"), ReportParts.text(messages, l, "offering"),
                ReportParts.text(messages, l, "participant"), ReportParts.text(messages, l, "status"),
                ReportParts.text(messages, l, "paid"), ReportParts.column(messages, l, "baseFee", ColumnKind.KRW),
                ReportParts.text(messages, l, "category"), ReportParts.column(messages, l, "amount", ColumnKind.KRW),
                ReportParts.column(messages, l, "refundAmount", ColumnKind.KRW), ReportParts.text(messages, l, "createdAt"),
                ReportParts.text(messages, l, "endedAt"));
    }

    @Override
    public void forEachDetail(ReportQuery query, Locale l, Consumer<List<Object>> sink) {
        List<String> ids = new ArrayList<>();
        data.select(query).offerings((o, g) -> ids.add(o.offeringId()));
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Named> categories = data.feed().reductionCategories();
        data.feed().detailsOf(ids, d -> sink.accept(ReportParts.row(d.enrollmentId(), d.offeringTitle(),
                d.participantName(), messages.get("enrollment.status." + d.status().name(), l),
                messages.get(d.paid() ? "report.yes" : "report.no", l), d.baseFee(),
                d.reductionCategory() == null ? null : categories.containsKey(d.reductionCategory())
                        ? categories.get(d.reductionCategory()).in(l) : d.reductionCategory(),
                d.amount(), d.refundAmount(), d.createdAt() == null ? null : Formats.dateTime(d.createdAt(), l),
                d.endedAt() == null ? null : Formats.dateTime(d.endedAt(), l))));
    }
}
