package org.baeum.reporting;

/** One cell of a header row, spanning columns and rows as the seed report's merged headings do. */
public record HeaderCell(String label, int colspan, int rowspan) {

    public HeaderCell {
        if (colspan < 1 || rowspan < 1) {
            throw new IllegalArgumentException("spans start at 1");
        }
    }
}
