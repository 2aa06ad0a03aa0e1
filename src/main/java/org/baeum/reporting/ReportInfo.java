package org.baeum.reporting;

/** A report in the list: its name and translated title. */
public record ReportInfo(String name, String title) {
}
