package org.baeum.base.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

/** A backend served on a free loopback port with a driver client, for the embedded-store tests; closes all three. */
record RunningServer(MongoBackend backend, MongoServer server, MongoClient client) implements AutoCloseable {

    static RunningServer on(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new RunningServer(backend, server, MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
    }

    /** {@code test.things}. */
    MongoCollection<Document> collection() {
        return client.getDatabase("test").getCollection("things");
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
        backend.close();
    }
}
