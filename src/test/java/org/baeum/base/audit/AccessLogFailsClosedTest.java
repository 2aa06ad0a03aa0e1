package org.baeum.base.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recording fails closed: when the database does not take the entry, {@code record} throws, so the action that wanted
 * to show or change personal data fails with it. No Spring here: a throw-away server that is stopped mid-test.
 */
class AccessLogFailsClosedTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;

    @AfterEach
    void stop() {
        TestAccounts.signOut();
        if (client != null) {
            client.close();
        }
        server.shutdownNow();
    }

    @Test
    void when_the_entry_cannot_be_stored_the_action_fails() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(500, TimeUnit.MILLISECONDS).readTimeout(1, TimeUnit.SECONDS))
                .build());
        MongoDatabase database = client.getDatabase("baeum");
        AccessLog accessLog = new AccessLog(new AccessLogRepository(database), new CurrentUser(),
                Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), java.time.ZoneId.of("Asia/Seoul")),
                (key, locale, params) -> key);
        TestAccounts.signIn(new BaeumUser("acc-staff", "staff1", "직원", EnumSet.of(Role.STAFF), true, Locale.KOREAN, null));

        accessLog.record(AccessAction.VIEW_PROFILE, "subject-1", null);
        assertThat(database.getCollection("access_log").countDocuments()).isEqualTo(1);

        server.shutdownNow();
        assertThatThrownBy(() -> accessLog.record(AccessAction.VIEW_PROFILE, "subject-1", null))
                .isInstanceOf(AccessLogUnavailableException.class);
    }
}
