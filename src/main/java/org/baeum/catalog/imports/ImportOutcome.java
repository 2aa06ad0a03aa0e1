package org.baeum.catalog.imports;

/** What an import does with one row: in a preview what it would do, after an apply what it did. */
public enum ImportOutcome {
    /** A new program or offering (id {@code imp-<code>}). */
    CREATE,
    /** An item imported before whose row changed: it is saved with the row's values. */
    UPDATE,
    /** An item imported before, the row as stored: nothing is written. */
    UNCHANGED,
    /** The row has problems; nothing of the file is stored. */
    ERROR
}
