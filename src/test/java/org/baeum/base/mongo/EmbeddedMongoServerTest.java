package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    private MongoSettings settings(Path dir) {
        return new MongoSettings("", "baeum", dir, 0, Duration.ofSeconds(5), MongoSettings.EmbeddedStore.H2);
    }

    @Test
    void data_and_unique_indexes_survive_a_restart_of_the_h2_store() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings(dataDir));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("baeum").getCollection("people");
            people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            people.insertOne(new Document("_id", "p1").append("email", "kim@example.com"));
        }
        assertThat(dataDir.resolve(EmbeddedMongoServer.FILE_NAME)).exists();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings(dataDir));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("baeum").getCollection("people");
            assertThat(people.countDocuments()).isEqualTo(1);
            assertThatThrownBy(() -> MongoErrors.translate(() ->
                    people.insertOne(new Document("_id", "p2").append("email", "kim@example.com"))))
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }

    @Test
    void binds_to_loopback_only() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings(dataDir))) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void a_data_folder_that_cannot_be_created_is_one_clear_startup_problem() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> EmbeddedMongoServer.start(settings(notADirectory.resolve("data"))))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("cannot be created")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("BAEUM_DATA_DIR"));
    }

    @Test
    void a_second_process_on_the_same_file_is_told_to_share_instead() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(settings(dataDir))) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(settings(dataDir)))
                    .isInstanceOf(StartupProblem.class)
                    .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("BAEUM_MONGO_URI"));
        }
    }
}
