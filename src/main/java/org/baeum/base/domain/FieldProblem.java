package org.baeum.base.domain;

import java.util.List;

/** One thing wrong with what staff entered: the field, a message key and its arguments (translated by the view). */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, List.of(arguments));
    }
}
