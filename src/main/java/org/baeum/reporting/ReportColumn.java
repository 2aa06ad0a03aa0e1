package org.baeum.reporting;

/** One column: a stable key (JSON, CSV header in English), its translated label, and what its values are. */
public record ReportColumn(String key, String label, ColumnKind kind) {
}
