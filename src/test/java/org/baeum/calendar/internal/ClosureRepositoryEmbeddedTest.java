package org.baeum.calendar.internal;

import com.mongodb.client.MongoDatabase;
import org.baeum.base.mongo.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The closure repository contract on the embedded server with its H2 file store, as the portal runs by default. */
class ClosureRepositoryEmbeddedTest extends ClosureRepositoryContract {

    @RegisterExtension
    static final EmbeddedStore STORE = new EmbeddedStore();

    @Override
    protected MongoDatabase database() {
        return STORE.database();
    }
}
