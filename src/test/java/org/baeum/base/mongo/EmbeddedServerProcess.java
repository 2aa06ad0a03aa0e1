package org.baeum.base.mongo;

import java.nio.file.Path;
import java.time.Duration;

/** Runs the embedded server alone in a child JVM for the crash test: prints its port, then waits to be killed. */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(new MongoSettings("", "baeum", Path.of(args[0]), 0,
                Duration.ofSeconds(5), MongoSettings.EmbeddedStore.H2));
        System.out.println("PORT " + server.port());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(5, java.util.concurrent.TimeUnit.MINUTES); // bounded: the test kills it long before
        server.close();
    }
}
