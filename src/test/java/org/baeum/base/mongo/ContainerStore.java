package org.baeum.base.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A client of a real MongoDB started by Testcontainers (the test class carries
 * {@code @Testcontainers(disabledWithoutDocker = true)} and the {@code @Container}), for a contract test class.
 */
public final class ContainerStore implements BeforeAllCallback, AfterAllCallback {

    private final MongoDBContainer container;
    private MongoClient client;

    public ContainerStore(MongoDBContainer container) {
        this.container = container;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        client = MongoClients.create(container.getReplicaSetUrl("baeum"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
    }

    public MongoDatabase database() {
        return client.getDatabase("baeum");
    }
}
