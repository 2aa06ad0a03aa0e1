package org.baeum.facility.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.facility.Facility;
import org.baeum.facility.FacilityKind;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/** The {@code facilities} collection. */
@Repository
public class FacilityRepository {

    static final String COLLECTION = "facilities";
    private static final int MAX = 200;

    public record FacilityDocument(@BsonId String id, String branchId, FacilityKind kind, String nameKo, String nameEn,
                                   int capacity, String descriptionKo, String descriptionEn) {
    }

    private final MongoCollection<FacilityDocument> facilities;

    FacilityRepository(MongoDatabase database) {
        this.facilities = database.getCollection(COLLECTION, FacilityDocument.class);
    }

    public void save(FacilityDocument facility) {
        facilities.replaceOne(eq("_id", facility.id()), facility, new ReplaceOptions().upsert(true));
    }

    public List<Facility> findAll() {
        return facilities.find().sort(Sorts.ascending("branchId", "kind")).limit(MAX).into(new ArrayList<>()).stream()
                .map(FacilityRepository::facility).toList();
    }

    public Optional<Facility> findById(String id) {
        return Optional.ofNullable(facilities.find(eq("_id", id)).first()).map(FacilityRepository::facility);
    }

    private static Facility facility(FacilityDocument f) {
        return new Facility(f.id(), f.branchId(), f.kind(), f.nameKo(), f.nameEn(), f.capacity(), f.descriptionKo(),
                f.descriptionEn());
    }
}
