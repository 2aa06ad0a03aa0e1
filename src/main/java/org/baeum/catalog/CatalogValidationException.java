package org.baeum.catalog;

import java.util.List;

/** Staff input that cannot be stored; nothing was stored. Carries every problem found, per field. */
public class CatalogValidationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public CatalogValidationException(List<FieldProblem> problems) {
        super("Invalid catalog input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
