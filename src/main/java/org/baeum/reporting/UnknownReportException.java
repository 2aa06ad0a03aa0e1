package org.baeum.reporting;

/** No report has the name asked for: the API answers 404. */
public class UnknownReportException extends RuntimeException {

    private final String reportName;

    public UnknownReportException(String reportName) {
        super("No report is named " + reportName);
        this.reportName = reportName;
    }

    public String reportName() {
        return reportName;
    }
}
