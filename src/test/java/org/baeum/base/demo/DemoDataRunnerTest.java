package org.baeum.base.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.catalog.CatalogService;
import org.baeum.facility.FacilityService;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

@BaeumIntegrationTest
class DemoDataRunnerTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    Clock clock;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    CatalogService catalog;
    @Autowired
    FacilityService facilities;

    @BeforeEach
    void empty() {
        for (String name : database.listCollectionNames()) {
            database.getCollection(name).deleteMany(new Document());
        }
        // as FreshDatabaseListener does: what the caches read before is gone too (the demo's "does this resource
        // exist" check read a resource of the previous test from the cache, then it expired: CI 2026-12-08)
        org.baeum.base.domain.ShortLived.forgetAll();
    }

    private DemoDataRunner runner(boolean enabled, String password) {
        return new DemoDataRunner(new DemoSettings(enabled, password), database, contributors, clock);
    }

    @Test
    void an_empty_database_gets_the_demo_accounts_branches_and_facilities() {
        runner(true, "demo-password-123").run(new DefaultApplicationArguments());
        for (String user : List.of("citizen", "instructor", "staff", "admin")) {
            var auth = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user, "demo-password-123"));
            assertThat(auth.isAuthenticated()).isTrue();
            assertThat(auth.getAuthorities().toString()).contains(user.toUpperCase());
        }
        assertThat(catalog.branches()).extracting(b -> b.nameKo()).containsExactly("본관", "아현분관");
        assertThat(catalog.branches().getFirst().rooms()).extracting(r -> r.kind().name())
                .contains("LIFELONG_LEARNING_ROOM", "STUDY_ROOM", "SMALL_AUDITORIUM", "DIGITAL_SEATS");
        assertThat(facilities.facilities()).extracting(f -> f.kind().name()).containsExactlyInAnyOrder("POOL", "GYM");
        assertThat(database.getCollection(DemoDataRunner.SYSTEM).find(new Document("_id", DemoDataRunner.MARKER))
                .first().getString("status")).isEqualTo("done");
    }

    @Test
    void a_database_that_holds_anything_is_never_touched() {
        database.getCollection("something").insertOne(new Document("_id", "x"));
        runner(true, "demo-password-123").run(new DefaultApplicationArguments());
        assertThat(database.getCollection("accounts").countDocuments()).isZero();
        assertThat(database.getCollection("branches").countDocuments()).isZero();
    }

    @Test
    void housekeeping_written_at_start_up_does_not_count_as_data() {
        database.getCollection(DemoDataRunner.SYSTEM).insertOne(new Document("_id", "link-secret").append("value", "x"));
        database.getCollection("job_runs").insertOne(new Document("_id", "notification-delivery"));
        // the class reminders' job schedules tomorrow's item at once; under load it ran before the runner (CI 2026-12-07)
        database.getCollection("enrollment_reminder_days").insertOne(new Document("_id", "2026-12-08"));
        runner(true, "demo-password-123").run(new DefaultApplicationArguments());
        assertThat(database.getCollection("accounts").countDocuments(new Document("username", "admin"))).isEqualTo(1);
    }

    @Test
    void nothing_is_created_when_switched_off() {
        runner(false, "").run(new DefaultApplicationArguments());
        assertThat(database.getCollection("accounts").countDocuments()).isZero();
    }

    @Test
    void an_interrupted_first_start_is_completed_on_the_next_start() {
        database.getCollection(DemoDataRunner.SYSTEM).insertOne(new Document("_id", DemoDataRunner.MARKER).append("status", "seeding"));
        database.getCollection("accounts").insertOne(new Document("_id", "half-way").append("username", "x").append("email", "x@x"));
        runner(true, "second-try-pass").run(new DefaultApplicationArguments());
        // the half-made one, one per role, seven more citizens, the demo history's 120 households
        assertThat(database.getCollection("accounts").countDocuments()).isEqualTo(132);
        var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "second-try-pass"));
        assertThat(auth.isAuthenticated()).isTrue();
    }

    @Test
    void running_twice_changes_nothing_the_second_time() {
        runner(true, "demo-password-123").run(new DefaultApplicationArguments());
        long accounts = database.getCollection("accounts").countDocuments();
        runner(true, "another-password").run(new DefaultApplicationArguments());
        assertThat(database.getCollection("accounts").countDocuments()).isEqualTo(accounts);
        var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("staff", "demo-password-123"));
        assertThat(auth.isAuthenticated()).isTrue();
    }

    @Test
    void random_passwords_are_long_and_unambiguous() {
        String password = DemoDataRunner.randomPassword();
        assertThat(password).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}").doesNotContain("0", "O", "l", "1", "I");
    }
}
