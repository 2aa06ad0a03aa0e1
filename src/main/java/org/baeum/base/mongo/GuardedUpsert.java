package org.baeum.base.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * "Change this document while the guard holds, and create it when it does not exist yet", in one atomic write on any
 * MongoDB server. The guard's filter names the document by {@code _id}. An upsert whose guard fails on an existing
 * document tries to insert that {@code _id} again, which the server refuses as a duplicate key; then the guarded
 * update is tried once more without the upsert (also right when two first writes raced, and one created it).
 */
public final class GuardedUpsert {

    private GuardedUpsert() {
    }

    /** True when this call changed or created the document; false (nothing changed) when the guard refused. */
    public static boolean apply(MongoCollection<Document> collection, Bson guard, Bson update) {
        try {
            var result = collection.updateOne(guard, update, new UpdateOptions().upsert(true));
            if (result.getModifiedCount() == 1 || result.getUpsertedId() != null) {
                return true;
            }
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        return collection.updateOne(guard, update).getModifiedCount() == 1;
    }
}
