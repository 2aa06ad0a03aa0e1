package org.baeum.reporting;

import java.util.Locale;

/**
 * One report: a small bean that declares its name, title, columns and footnotes and answers a query. The facility
 * and survey features add theirs as further beans without touching the others; {@link Reports} finds them all.
 * Implementations do not check the caller: {@link Reports} does, before it calls {@link #run}.
 */
public interface Report {

    /** The stable name in URLs and the API, e.g. {@code participation}. */
    String name();

    /** The message key of the title. */
    String titleKey();

    /** Runs the report for the query, with headings, labels and footnotes in the locale's language. */
    ReportTable run(ReportQuery query, Locale locale);
}
