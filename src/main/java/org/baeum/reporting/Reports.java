package org.baeum.reporting;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.base.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The reports staff and administrators read: every {@link Report} bean, by name. STAFF and ADMIN only. */
@Service
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);
    static final String STAFF_OR_ADMIN = "hasAnyRole('STAFF','ADMIN')";

    private final Map<String, Report> byName = new LinkedHashMap<>();
    private final Messages messages;

    Reports(List<Report> reports, Messages messages) {
        this.messages = messages;
        reports.stream().sorted(Comparator.comparing(Report::name)).forEach(r -> {
            if (byName.put(r.name(), r) != null) {
                throw new IllegalStateException("two reports are named " + r.name());
            }
        });
    }

    @PreAuthorize(STAFF_OR_ADMIN)
    public List<ReportInfo> list(Locale locale) {
        return byName.values().stream().map(r -> new ReportInfo(r.name(), messages.get(r.titleKey(), locale))).toList();
    }

    /** The report bean of that name, for the exports in this package (which check the caller themselves). */
    Optional<Report> report(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The named report's answer; empty when no report has that name. */
    @PreAuthorize(STAFF_OR_ADMIN)
    public Optional<ReportTable> run(String name, ReportQuery query, Locale locale) {
        Report report = byName.get(name);
        if (report == null) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        ReportTable table = report.run(query, locale);
        log.info("Report {} {}..{} ran in {} ms", name, query.from(), query.to(), (System.nanoTime() - started) / 1_000_000);
        return Optional.of(table);
    }
}
