package org.baeum.base.mongo;

/**
 * A write was refused by a unique index. The driver reports this as a {@code MongoWriteException}
 * (category {@code DUPLICATE_KEY}, code 11000) on single writes and as a {@code MongoBulkWriteException} or
 * {@code MongoCommandException} elsewhere; {@link MongoErrors#translate} turns all of them into this one type.
 */
public class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
