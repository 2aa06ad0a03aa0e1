package org.baeum.reporting;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A report whose export can add detail rows below its table, e.g. the funnel's entries with the participants' names.
 * Detail rows name people: exporting them is written to the access log, and they are streamed to the sink one at a
 * time (a year of entries is never held in memory).
 */
public interface DetailedReport extends Report {

    /** The message key of the detail sheet's title. */
    String detailTitleKey();

    /** The detail columns, labels in the locale's language. */
    List<ReportColumn> detailColumns(Locale locale);

    /** Streams the detail rows of the query, one value per detail column (same value types as {@link ReportTable}). */
    void forEachDetail(ReportQuery query, Locale locale, Consumer<List<Object>> sink);
}
