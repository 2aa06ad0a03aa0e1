package org.baeum.base.audit;

/** The file formats the access log exports to. */
public enum AccessLogFormat {
    /** UTF-8 with a byte-order mark, so that Excel shows Korean correctly; comma-separated, CRLF line ends. */
    CSV("text/csv;charset=UTF-8", "csv"),
    /** An Excel workbook with one sheet. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    AccessLogFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
