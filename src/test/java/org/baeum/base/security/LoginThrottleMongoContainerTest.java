package org.baeum.base.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract on a real MongoDB (a one-member replica set); skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class LoginThrottleMongoContainerTest extends LoginThrottleContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl("baeum"));
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected MongoDatabase database() {
        return client.getDatabase("baeum");
    }
}
