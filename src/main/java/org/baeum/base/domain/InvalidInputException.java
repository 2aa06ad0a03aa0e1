package org.baeum.base.domain;

import java.util.List;

/** Input that cannot be stored; nothing was stored. Carries every problem found, per field, as message keys. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems.stream().map(p -> p.field() + "=" + p.messageKey()).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... arguments) {
        return new InvalidInputException(List.of(FieldProblem.of(field, messageKey, arguments)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
