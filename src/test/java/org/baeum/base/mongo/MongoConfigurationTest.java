package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MongoConfigurationTest {

    @Test
    void an_unreachable_real_mongodb_fails_start_up_with_one_line_naming_the_setting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoSettings settings = new MongoSettings("mongodb://127.0.0.1:" + closedPort + "/baeum", "baeum",
                Path.of("unused"), 0, Duration.ofMillis(700), MongoSettings.EmbeddedStore.H2);
        var configuration = new MongoConfiguration();
        var holder = new MongoConfiguration.EmbeddedServerHolder(null);

        assertThatThrownBy(() -> configuration.mongoClient(settings, holder))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("BAEUM_MONGO_URI")
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .satisfies(e -> {
                    FailureAnalysis analysis = new StartupProblemFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("BAEUM_MONGO_URI");
                });
    }

    @Test
    void a_malformed_uri_is_reported_without_echoing_credentials() {
        MongoSettings settings = new MongoSettings("not-a-uri", "baeum", Path.of("unused"), 0,
                Duration.ofMillis(500), MongoSettings.EmbeddedStore.H2);
        assertThatThrownBy(() -> new MongoConfiguration().mongoClient(settings,
                new MongoConfiguration.EmbeddedServerHolder(null)))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("BAEUM_MONGO_URI");
    }

    @Test
    void log_lines_name_hosts_but_never_credentials() {
        var connection = new com.mongodb.ConnectionString("mongodb://baeum:s3cret@db1:27017,db2:27017/baeum?replicaSet=rs0");
        assertThat(MongoConfiguration.redacted(connection)).isEqualTo("db1:27017,db2:27017").doesNotContain("s3cret");
    }
}
