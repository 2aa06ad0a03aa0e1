package org.baeum.catalog;

/** A catalog filter value that means nothing (an unknown domain, a negative page): the caller's mistake. */
public class InvalidQueryException extends IllegalArgumentException {

    private final String parameter;
    private final String value;

    public InvalidQueryException(String parameter, String value) {
        super("Invalid value for '" + parameter + "': " + value);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
