package org.baeum.catalog.imports;

import java.util.List;

/**
 * The rows of an import file with their outcomes, programs first. {@code applied}: whether the rows were saved (an
 * apply without errors) or only checked (a preview, or an apply refused because of errors).
 */
public record ImportPreview(List<ImportRowResult> rows, boolean applied) {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public boolean hasErrors() {
        return rows.stream().anyMatch(r -> r.outcome() == ImportOutcome.ERROR);
    }

    public long count(ImportOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
