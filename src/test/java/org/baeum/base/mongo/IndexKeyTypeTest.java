package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IndexKeyType} orders keys exactly as H2's own type does, and files of the stock backend open with ours. */
class IndexKeyTypeTest {

    @TempDir
    Path dir;

    @Test
    void compares_every_pair_of_keys_as_h2_does_also_when_the_bytes_come_from_the_cache() {
        Random random = new Random(3);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int size = 1 + random.nextInt(3);
            List<Object> values = new ArrayList<>();
            for (int v = 0; v < size; v++) {
                values.add(randomValue(random));
            }
            keys.add(new KeyValue(values));
        }
        // equal keys that are different objects, as a searched key and a page's key are
        for (int i = 0; i < 50; i++) {
            keys.add(new KeyValue(new ArrayList<>(copyOf(keys.get(random.nextInt(keys.size()))))));
        }
        ObjectDataType stock = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        int compared = 0;
        for (int round = 0; round < 3; round++) { // later rounds read the cached bytes
            for (int i = 0; i < 20_000; i++) {
                KeyValue a = keys.get(random.nextInt(keys.size()));
                KeyValue b = keys.get(random.nextInt(keys.size()));
                assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(60_000);
        // other key types are left to H2
        assertThat(ours.compare("a", "b")).isEqualTo(stock.compare("a", "b"));
        assertThat(ours.compare(7L, "b")).isEqualTo(stock.compare(7L, "b"));
    }

    @Test
    void keys_come_back_from_the_file_equal_with_the_same_java_bytes_so_in_the_same_place_of_the_order() {
        Random random = new Random(11);
        IndexKeyType ours = new IndexKeyType();
        int compactSeen = 0;
        for (int i = 0; i < 3_000; i++) {
            List<Object> values = new ArrayList<>();
            for (int v = 0, size = 1 + random.nextInt(3); v < size; v++) {
                values.add(randomValue(random));
            }
            values.add(switch (random.nextInt(4)) { // the edges of each kind the compact form writes
                case 0 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                case 1 -> random.nextBoolean() ? Long.MIN_VALUE : -1L;
                case 2 -> random.nextBoolean() ? -0.0 : Double.NaN;
                default -> random.nextBoolean() ? "" : "한글 \u0000 \uD83D\uDE00 끝";
            });
            KeyValue key = new KeyValue(values);
            org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
            ours.write(buffer, key);
            java.nio.ByteBuffer written = buffer.getBuffer();
            written.flip();
            boolean compact = IndexKeyType.compact(key);
            assertThat(written.get(0) == IndexKeyType.TAG_KEY).as("compact form for %s", key).isEqualTo(compact);
            compactSeen += compact ? 1 : 0;
            Object read = ours.read(written);
            assertThat(written.remaining()).as("read to its end").isZero();
            if (compact) { // other keys are H2's own round trip, as before
                assertThat(read).isEqualTo(key);
            }
            assertThat(ObjectDataType.serialize(read)).as("Java bytes of %s", key).isEqualTo(ObjectDataType.serialize(key));
        }
        assertThat(compactSeen).as("both forms were written").isBetween(100, 2_900);
    }

    @Test
    void unique_indexes_use_it_in_the_stock_maps_and_files_of_the_stock_backend_open_with_ours() {
        Path file = dir.resolve("index.mv.db");
        int n = 2_000;
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(file.toString())))) {
            stock.collection().createIndex(new Document("email", 1), new IndexOptions().unique(true));
            for (int i = 0; i < n; i++) {
                stock.collection().insertOne(new Document("_id", "acc-" + i).append("email", "person" + i + "@x.test"));
            }
        }
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            MVStore store = ((H2Backend) ours.backend()).getMvStore();
            List<String> indexMaps = store.getMapNames().stream().filter(m -> m.contains("._index_")).sorted().toList();
            assertThat(indexMaps).as("one map per index, no stray map").containsExactly(
                    "test.things._index__id_", "test.things._index_email_1");
            for (String map : indexMaps) {
                assertThat(store.openMap(map).getKeyType()).isInstanceOf(IndexKeyType.class);
            }
            assertThat(store.openMap("databases.test.things").getValueType()).isInstanceOf(DocumentValueType.class);
            for (int i = 0; i < n; i += 7) {
                assertThat(ours.collection().find(Filters.eq("email", "person" + i + "@x.test")).first())
                        .containsEntry("_id", "acc-" + i);
                assertThat(ours.collection().find(Filters.eq("_id", "acc-" + i)).first()).isNotNull();
            }
            assertThatThrownBy(() -> ours.collection().insertOne(new Document("_id", "other").append("email", "person5@x.test")))
                    .isInstanceOf(MongoWriteException.class);
            ours.collection().insertOne(new Document("_id", "from-ours").append("email", "ours@x.test"));
            ours.collection().updateOne(Filters.eq("_id", "acc-3"), new Document("$set", new Document("email", "moved@x.test")));
        }
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            assertThat(ours.collection().find(Filters.eq("email", "ours@x.test")).first()).containsEntry("_id", "from-ours");
            assertThat(ours.collection().find(Filters.eq("email", "moved@x.test")).first()).containsEntry("_id", "acc-3");
            assertThat(ours.collection().find(Filters.eq("email", "person3@x.test")).first()).isNull();
            for (int i = 4; i < n; i += 13) {
                assertThat(ours.collection().find(Filters.eq("email", "person" + i + "@x.test")).first())
                        .containsEntry("_id", "acc-" + i);
            }
            assertThatThrownBy(() -> ours.collection().insertOne(new Document("_id", "again").append("email", "person9@x.test")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> ours.collection().insertOne(new Document("_id", "acc-9").append("email", "new@x.test")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(ours.collection().countDocuments()).isEqualTo(n + 1);
        }
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> "s" + random.nextInt(50);
            case 1 -> "긴 문자열 " + "x".repeat(random.nextInt(300));
            case 2 -> random.nextInt(100) - 50;
            case 3 -> (long) random.nextInt(1_000_000) * 1_000_000L;
            case 4 -> random.nextDouble() * 100;
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> Missing.getInstance();
            case 8 -> new de.bwaldvogel.mongo.bson.ObjectId();
            case 9 -> Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000));
            default -> random.nextBoolean() ? UUID.randomUUID()
                    : new de.bwaldvogel.mongo.bson.Document("x", random.nextInt(5)); // not cached: may change
        };
    }

    private static List<Object> copyOf(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }
}
