package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DocumentValueType}: documents survive as BSON, and values written by the stock type are still read. */
class DocumentValueTypeTest {

    @TempDir
    Path dir;

    @Test
    void a_document_of_every_kind_of_value_comes_back_equal_from_bson_and_other_values_are_h2s() {
        de.bwaldvogel.mongo.bson.Document doc = new de.bwaldvogel.mongo.bson.Document("_id", "e-1")
                .append("int", 7).append("long", 7_000_000_000L).append("double", 0.5).append("bool", true)
                .append("null", null).append("text", "수강 신청 ✓").append("at", Instant.ofEpochMilli(1_790_000_000_123L))
                .append("oid", new de.bwaldvogel.mongo.bson.ObjectId())
                .append("uuid", UUID.randomUUID())
                .append("list", List.of(1, "two", new de.bwaldvogel.mongo.bson.Document("three", 3L)))
                .append("nested", new de.bwaldvogel.mongo.bson.Document("holders",
                        List.of(new de.bwaldvogel.mongo.bson.Document("id", "x").append("ok", false))));
        DocumentValueType type = new DocumentValueType();
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, doc);
        type.write(buff, "plain string");
        type.write(buff, 42L);
        ByteBuffer bytes = buff.getBuffer().flip();
        assertThat(bytes.get(0)).isEqualTo((byte) DocumentValueType.TAG_BSON);

        Object back = type.read(bytes);
        assertThat(back).isInstanceOf(de.bwaldvogel.mongo.bson.Document.class).isEqualTo(doc);
        assertThat(((de.bwaldvogel.mongo.bson.Document) back).keySet()).containsExactlyElementsOf(doc.keySet());
        assertThat(((de.bwaldvogel.mongo.bson.Document) back).get("int")).isInstanceOf(Integer.class);
        assertThat(((de.bwaldvogel.mongo.bson.Document) back).get("long")).isInstanceOf(Long.class);
        assertThat(type.read(bytes)).isEqualTo("plain string");
        assertThat(type.read(bytes)).isEqualTo(42L);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void a_document_that_the_stock_type_serialised_is_read() {
        de.bwaldvogel.mongo.bson.Document doc = new de.bwaldvogel.mongo.bson.Document("_id", "old").append("n", 3);
        WriteBuffer buff = new WriteBuffer();
        new ObjectDataType().write(buff, doc);
        ByteBuffer bytes = buff.getBuffer().flip();
        assertThat(bytes.get(0)).isNotEqualTo((byte) DocumentValueType.TAG_BSON);
        assertThat(new DocumentValueType().read(bytes)).isEqualTo(doc);
    }

    @Test
    void through_the_wire_every_bson_type_the_portal_uses_is_stored_and_read_back_after_a_restart() {
        Path file = dir.resolve("docs.mv.db");
        ObjectId oid = new ObjectId();
        UUID uuid = UUID.randomUUID();
        Document original = new Document("_id", "e-1").append("int", 7).append("long", 7_000_000_000L)
                .append("double", 0.25).append("decimal", Decimal128.parse("12.30")).append("bool", false)
                .append("null", null).append("text", "김시민").append("at", Date.from(Instant.ofEpochMilli(1_790_000_000_123L)))
                .append("oid", oid).append("bin", new Binary(BsonBinarySubType.BINARY, new byte[] {1, 2, 3}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes(uuid)))
                .append("list", List.of(1, "two", new Document("three", 3L)))
                .append("nested", new Document("holders", List.of(new Document("id", "x").append("ok", true))));
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            ours.collection().insertOne(original);
            ours.collection().updateOne(Filters.eq("_id", "e-1"), Updates.combine(Updates.inc("int", 1),
                    Updates.push("nested.holders", new Document("id", "y").append("ok", false))));
        }
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            Document back = ours.collection().find(Filters.eq("_id", "e-1")).first();
            Document expected = new Document(original);
            expected.put("int", 8);
            expected.put("nested", new Document("holders", List.of(new Document("id", "x").append("ok", true),
                    new Document("id", "y").append("ok", false))));
            assertThat(back).isNotNull();
            assertThat(back.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(back.toJson()).isEqualTo(expected.toJson());
            assertThat(ours.collection().countDocuments(Filters.eq("oid", oid))).isEqualTo(1);
        }
    }

    @Test
    void a_collection_written_by_the_stock_backend_is_read_and_then_rewritten_as_bson() {
        Path file = dir.resolve("stock.mv.db");
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(file.toString())))) {
            for (int i = 0; i < 500; i++) {
                stock.collection().insertOne(new Document("_id", "d-" + i).append("n", i));
            }
        }
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            assertThat(ours.collection().countDocuments()).isEqualTo(500);
            ours.collection().updateMany(Filters.lt("n", 250), Updates.inc("n", 1000));
        }
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            assertThat(ours.collection().find(Filters.eq("_id", "d-3")).first()).containsEntry("n", 1003);
            assertThat(ours.collection().find(Filters.eq("_id", "d-300")).first()).containsEntry("n", 300);
            assertThat(ours.collection().countDocuments(Filters.gte("n", 1000))).isEqualTo(250);
        }
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}
