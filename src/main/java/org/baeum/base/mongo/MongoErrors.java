package org.baeum.base.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.util.function.Supplier;

/** The one place that knows how the driver reports a duplicate key. */
public final class MongoErrors {

    private static final int DUPLICATE_KEY_CODE = 11000;

    private MongoErrors() {
    }

    public static boolean isDuplicateKey(Throwable e) {
        return switch (e) {
            case MongoWriteException w -> w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
            case MongoBulkWriteException b -> b.getWriteErrors().stream()
                    .anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
            case MongoCommandException c -> c.getErrorCode() == DUPLICATE_KEY_CODE;
            case MongoException m -> m.getCode() == DUPLICATE_KEY_CODE;
            case null, default -> false;
        };
    }

    /** Runs a write; a unique-index violation comes out as {@link DuplicateKeyException}. */
    public static <T> T translate(Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                throw new DuplicateKeyException(e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Runs a write without a result; a unique-index violation comes out as {@link DuplicateKeyException}. */
    public static void translate(Runnable write) {
        translate(() -> {
            write.run();
            return null;
        });
    }
}
