package org.baeum.catalog.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baeum.base.domain.FieldProblem;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramDraft;

/** Helpers of {@link CatalogImports}' check: problems at columns, and the program a draft will be. */
final class ImportRowsCheck {

    private ImportRowsCheck() {
    }

    /** A service problem at the column of its field. */
    static FieldProblem atColumn(FieldProblem p) {
        return new FieldProblem(ImportColumns.column(p.field()), p.messageKey(), p.arguments());
    }

    /** The row's own problems first, then the service's at columns without one (one message per column). */
    static List<FieldProblem> merged(List<FieldProblem> own, List<FieldProblem> service) {
        List<FieldProblem> all = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (FieldProblem p : own) {
            FieldProblem at = atColumn(p);
            if (columns.add(at.field())) {
                all.add(at);
            }
        }
        for (FieldProblem p : service) {
            FieldProblem at = atColumn(p);
            if (columns.add(at.field())) {
                all.add(at);
            }
        }
        return all;
    }

    /** The program a draft without problems becomes when saved (as {@code CatalogService.saveProgram} makes it). */
    static Program program(ProgramDraft d) {
        return new Program(d.id(), d.titleKo().strip(), d.titleEn(), d.descriptionKo(), d.descriptionEn(), d.domain(),
                d.audience(), d.kind(), d.minAge(), d.maxAge(), d.branchId(), d.instructors(), d.fee(),
                d.feeReductionsApply(), d.format(), d.accessibility(), d.accessibilityNoteKo(), d.accessibilityNoteEn(),
                d.classification(), d.whatToBringKo(), d.whatToBringEn());
    }
}
