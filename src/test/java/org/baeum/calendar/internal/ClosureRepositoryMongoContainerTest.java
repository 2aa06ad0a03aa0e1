package org.baeum.calendar.internal;

import com.mongodb.client.MongoDatabase;
import org.baeum.base.mongo.ContainerStore;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract on a real MongoDB (a one-member replica set); skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ClosureRepositoryMongoContainerTest extends ClosureRepositoryContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @RegisterExtension
    static final ContainerStore STORE = new ContainerStore(MONGO);

    @Override
    protected MongoDatabase database() {
        return STORE.database();
    }
}
