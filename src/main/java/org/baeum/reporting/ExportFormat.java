package org.baeum.reporting;

import java.util.Locale;

/** The files a report exports to ({@link ReportExports}), each with its content type and file extension. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("application/pdf");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** {@code csv}, {@code xlsx} or {@code pdf}. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
