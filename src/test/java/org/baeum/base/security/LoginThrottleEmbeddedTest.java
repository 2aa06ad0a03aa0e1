package org.baeum.base.security;

import com.mongodb.client.MongoDatabase;
import org.baeum.base.mongo.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The throttle contract on the embedded server with its H2 file store, as the portal runs by default. */
class LoginThrottleEmbeddedTest extends LoginThrottleContract {

    @RegisterExtension
    static final EmbeddedStore STORE = new EmbeddedStore();

    @Override
    protected MongoDatabase database() {
        return STORE.database();
    }
}
