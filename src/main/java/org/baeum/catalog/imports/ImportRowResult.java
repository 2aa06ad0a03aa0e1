package org.baeum.catalog.imports;

import java.util.List;
import org.baeum.base.domain.FieldProblem;

/**
 * One row of an import: its sheet ({@link ImportColumns#PROGRAMS} or {@link ImportColumns#OFFERINGS}), its row
 * number as Excel shows it, the staff's code, the outcome and, for {@link ImportOutcome#ERROR}, the problems, each
 * at a column key ({@code roomId}, {@code phase1Opens}, …) with a message key and its arguments.
 */
public record ImportRowResult(String sheet, int row, String code, ImportOutcome outcome, List<FieldProblem> problems) {

    public ImportRowResult {
        problems = List.copyOf(problems);
    }
}
