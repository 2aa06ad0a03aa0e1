package org.baeum.scale;

import static com.mongodb.client.model.Filters.and;
import static org.baeum.scale.TwoInstances.read;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.SecondInstance;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
/**
 * Two portal instances on one database (issue 20, decision 0053): instance A is the tests' shared portal with its
 * embedded server, instance B a second whole portal in this JVM ({@link SecondInstance}), started for each test class,
 * whose {@code BAEUM_MONGO_URI} points at A's server, with its own web server, Quartz scheduler, delivery workers and
 * in-process SMTP server. Both read the same {@link MutableClock}.
 */
@BaeumIntegrationTest
abstract class TwoInstancesBase {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    static ConfigurableApplicationContext b;
    static EnrollmentFixture fixture;

    @Autowired
    ApplicationContext a;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    TestAccounts accounts;
    TwoInstances on;

    @BeforeAll
    static void startSecondInstance(@Autowired ConfigurableApplicationContext a, @Autowired MutableClock clock,
                                    @Autowired List<DemoDataContributor> contributors, @Autowired CatalogService catalog) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        b = SecondInstance.start(SecondInstance.databaseOf(a), clock, List.of("test"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @BeforeEach
    void instances() {
        on = new TwoInstances(a, b, database, clock);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    // ---------------------------------------------------------------------------------------------------------

    Offering offering(OfferingId id) {
        return a.getBean(CatalogService.class).offering(id).orElseThrow();
    }

    BaeumUser staff() {
        return accounts.userOrCreate("two-instance-staff", Role.STAFF);
    }

    /** Moves the shared clock on, once no mail is being sent (see {@link TwoInstances#deliverOnBothAndCheckEachMailWentOnce}). */
    void advance(Duration by) throws Exception {
        on.deliverOnBothAndCheckEachMailWentOnce();
        clock.advance(by);
    }

    /** Moves the shared clock to {@code time} in Seoul (both instances read it). */
    void moveTo(LocalDateTime time) throws Exception {
        on.deliverOnBothAndCheckEachMailWentOnce();
        clock.reset();
        Instant target = time.atZone(SEOUL).toInstant();
        clock.advance(Duration.between(clock.instant(), target).truncatedTo(ChronoUnit.MILLIS));
    }
}
