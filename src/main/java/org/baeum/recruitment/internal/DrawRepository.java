package org.baeum.recruitment.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.recruitment.draw.DrawJson;
import org.baeum.recruitment.draw.DrawRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Repository;

/**
 * The {@code round_draws} collection: one document per drawn round, {@code _id} = the round id, so a draw is stored
 * once. A second insert (another run, another portal instance, a run after a crash) gets a duplicate key and the
 * caller uses the stored draw. The record is kept as the exact JSON the API serves ({@link DrawJson#write}), gzipped
 * ({@code record}): a round of 50,000 applications stays far below Mongo's 16 MB document limit. {@code drawnAt} and
 * {@code applications} are there for people reading the database.
 */
@Repository
public class DrawRepository {

    public static final String COLLECTION = "round_draws";

    static final String RECORD = "record";
    static final String DRAWN_AT = "drawnAt";
    static final String APPLICATIONS = "applications";

    private final MongoCollection<Document> draws;

    DrawRepository(MongoDatabase database) {
        this.draws = database.getCollection(COLLECTION);
    }

    /**
     * Stores the round's draw unless one is stored already.
     *
     * @return true when this call stored it; false when a draw of the round was there (nothing changed)
     */
    public boolean insert(DrawRecord record) {
        Document doc = new Document("_id", record.round()).append(DRAWN_AT, Date.from(Instant.parse(record.drawnAt())))
                .append(APPLICATIONS, record.applications().size())
                .append(RECORD, new Binary(gzip(DrawJson.write(record))));
        try {
            MongoErrors.translate(() -> draws.insertOne(doc));
            return true;
        } catch (DuplicateKeyException stored) {
            return false;
        }
    }

    /** The round's stored draw, if it was drawn. */
    public Optional<DrawRecord> find(String roundId) {
        return Optional.ofNullable(draws.find(eq("_id", roundId)).first())
                .map(d -> DrawJson.read(gunzip(d.get(RECORD, Binary.class).getData())));
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
