package org.baeum.catalog.imports;

import java.util.List;

/**
 * A file that cannot be imported at all (not an XLSX, too large, too many rows, a sheet or column missing): one
 * message key with its arguments; nothing is read further or stored.
 */
public class ImportFileException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public ImportFileException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
