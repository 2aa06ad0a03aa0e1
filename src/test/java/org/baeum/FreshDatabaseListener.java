package org.baeum;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Empties every collection (indexes stay) before each test class, so classes share one application context
 * but never each other's data; the test clock is reset too.
 */
public class FreshDatabaseListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        var context = testContext.getApplicationContext();
        MongoDatabase database = context.getBean(MongoDatabase.class);
        for (String name : database.listCollectionNames()) {
            database.getCollection(name).deleteMany(new Document());
        }
        org.baeum.base.domain.ShortLived.forgetAll();
        context.getBean(MutableClock.class).reset();
    }
}
