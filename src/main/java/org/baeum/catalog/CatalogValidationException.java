package org.baeum.catalog;

import java.util.List;

import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;

/** Staff input that cannot be stored; nothing was stored. Carries every problem found, per field. */
public class CatalogValidationException extends InvalidInputException {

    public CatalogValidationException(List<FieldProblem> problems) {
        super(problems);
    }
}
