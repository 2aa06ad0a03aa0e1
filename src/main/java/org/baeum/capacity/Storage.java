package org.baeum.capacity;

import java.util.List;
import java.util.Objects;

/**
 * Where the counters of one {@link ResourceKind} are kept: a collection, the names of the seven counter fields on its
 * documents, and the extra guard that says when the resource may be handed out. Plain data: the ledger builds every
 * guarded update from it, so a kind never writes its own Mongo code.
 * <p>
 * Either the ledger's own {@value #LEDGER_COLLECTION} collection ({@link #ledger()}), one document per resource that
 * {@link CapacityLedger#define} creates, or documents that another feature owns and creates ({@link #hosted}), such as
 * the catalog's offerings, whose seat counters sit beside the fields the catalog sorts and filters by.
 *
 * @param collection the collection holding the documents
 * @param fields     the counter field names on those documents
 * @param guard      when a resource may be given out, besides its counters
 */
public record Storage(String collection, Fields fields, Guard guard) {

    /** The ledger's own collection, for every kind that has no host document. */
    public static final String LEDGER_COLLECTION = "capacity";
    /** {@link Fields#mode()} while first come may take free units. */
    public static final String FIRST_COME = "OPEN";
    /** {@link Fields#mode()} once someone had to wait: from then on free units go through the waitlist. */
    public static final String WAITLIST_DECIDES = "WAITLIST";

    private static final Storage LEDGER = new Storage(LEDGER_COLLECTION, Fields.STANDARD, Guard.NONE);

    public Storage {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(guard, "guard");
        if (LEDGER_COLLECTION.equals(collection) && (!Fields.STANDARD.equals(fields) || !Guard.NONE.equals(guard))) {
            throw new IllegalArgumentException("the " + LEDGER_COLLECTION + " collection has one layout: use Storage.ledger()");
        }
    }

    /** One document per resource in the ledger's own collection, with the standard field names and no extra guard. */
    public static Storage ledger() {
        return LEDGER;
    }

    /** Counters on documents that their owning feature creates (the ledger never inserts into {@code collection}). */
    public static Storage hosted(String collection, Fields fields, Guard guard) {
        if (LEDGER_COLLECTION.equals(collection)) {
            throw new IllegalArgumentException("hosted counters live on another feature's documents, not in " + collection);
        }
        return new Storage(collection, fields, guard);
    }

    /** True for the ledger's own collection, whose documents the ledger creates. */
    public boolean own() {
        return LEDGER_COLLECTION.equals(collection);
    }

    /**
     * The names of the counters: {@code capacity}, {@code taken}, {@code left} (= capacity − taken), {@code holders}
     * (one {@code {id, at, ok}} per taken unit), {@code waitlistSeq} (tickets issued), {@code waitlistLength} (people
     * waiting, for display) and {@code mode} ({@link #FIRST_COME} or {@link #WAITLIST_DECIDES}).
     */
    public record Fields(String capacity, String taken, String left, String holders, String waitlistSeq,
                         String waitlistLength, String mode) {

        public static final Fields STANDARD = new Fields("capacity", "taken", "left", "holders", "waitlistSeq",
                "waitlistLength", "mode");

        public Fields {
            if (List.of(capacity, taken, left, holders, waitlistSeq, waitlistLength, mode).stream()
                    .anyMatch(f -> f == null || f.isBlank() || f.startsWith("$") || f.contains(".") || f.equals("_id"))) {
                throw new IllegalArgumentException("every counter needs a plain field name of its own");
            }
            if (List.of(capacity, taken, left, holders, waitlistSeq, waitlistLength, mode).stream().distinct().count() != 7) {
                throw new IllegalArgumentException("counter field names must differ");
            }
        }

        /** All seven names, e.g. for keeping them out of an owner's own saves. */
        public List<String> all() {
            return List.of(capacity, taken, left, holders, waitlistSeq, waitlistLength, mode);
        }
    }

    /**
     * When a resource may be given out besides its counters: while {@code field} equals {@code value} (e.g. an offering
     * is published) for holds, and in addition, for claims and waitlist tickets, while the instant is in
     * [{@code opensAt}, {@code closesAt}) (e.g. its recruitment window). Either part may be absent (null). With
     * {@code phases}, the window is that of an element of an array on the document whose method field has a value
     * (e.g. a recruitment phase that is first come): {@code opensAt} and {@code closesAt} then name fields of the
     * element.
     */
    public record Guard(String field, String value, String opensAt, String closesAt, Phases phases) {

        public static final Guard NONE = new Guard(null, null, null, null, null);

        public Guard {
            if ((field == null) != (value == null) || (opensAt == null) != (closesAt == null)
                    || (phases != null && opensAt == null)) {
                throw new IllegalArgumentException("a guard names a field with its value, and both ends of a window");
            }
        }

        /** Available while {@code field} equals {@code value}. */
        public static Guard when(String field, String value) {
            return new Guard(Objects.requireNonNull(field), Objects.requireNonNull(value), null, null, null);
        }

        /** This guard, and open for claims only from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
        public Guard within(String opensAtField, String closesAtField) {
            return new Guard(field, value, Objects.requireNonNull(opensAtField), Objects.requireNonNull(closesAtField),
                    null);
        }

        /**
         * This guard, and open for claims only while an element of {@code array} whose {@code methodField} is
         * {@code method} has {@code opensAt} ≤ now &lt; {@code closesAt} (fields of the element).
         */
        public Guard withinAnyOf(String array, String methodField, String method, String opensAtField,
                                 String closesAtField) {
            return new Guard(field, value, Objects.requireNonNull(opensAtField), Objects.requireNonNull(closesAtField),
                    new Phases(array, methodField, method));
        }
    }

    /** An array of windows on the document, each with a method; only those with {@code method} count. */
    public record Phases(String array, String methodField, String method) {

        public Phases {
            Objects.requireNonNull(array, "array");
            Objects.requireNonNull(methodField, "methodField");
            Objects.requireNonNull(method, "method");
        }
    }
}
