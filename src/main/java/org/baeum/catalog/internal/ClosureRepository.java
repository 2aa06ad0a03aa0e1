package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baeum.catalog.Closure;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/** The {@code closures} collection (휴관): days a branch, or every branch, is closed. */
@Repository
public class ClosureRepository {

    public static final String COLLECTION = "closures";
    private static final int MAX = 1_000;

    public record ClosureDocument(@BsonId String id, String branchId, LocalDate firstDay, LocalDate lastDay,
                                  String reasonKo, String reasonEn) {
    }

    private final MongoCollection<ClosureDocument> closures;

    ClosureRepository(MongoDatabase database) {
        this.closures = database.getCollection(COLLECTION, ClosureDocument.class);
    }

    public void save(ClosureDocument closure) {
        closures.replaceOne(Filters.eq("_id", closure.id()), closure, new ReplaceOptions().upsert(true));
    }

    /** Closures that end on or after the given day. */
    public List<Closure> endingOnOrAfter(LocalDate day) {
        return closures.find(gte("lastDay", day)).limit(MAX).into(new ArrayList<>()).stream()
                .map(c -> new Closure(c.branchId(), c.firstDay(), c.lastDay(), c.reasonKo(), c.reasonEn()))
                .toList();
    }
}
