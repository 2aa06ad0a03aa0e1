package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.catalog.Branch;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.Room;
import org.baeum.catalog.RoomKind;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/** The {@code branches} and {@code rooms} collections. */
@Repository
public class BranchRepository {

    static final String BRANCHES = "branches";
    static final String ROOMS = "rooms";
    /** A centre has a handful of branches and some dozens of rooms: these limits are far above that. */
    private static final int MAX_BRANCHES = 100;
    private static final int MAX_ROOMS = 2_000;

    public record BranchDocument(@BsonId String id, String nameKo, String nameEn, String address, String directionsKo,
                                 String directionsEn, String phone, int sortOrder) {
    }

    public record RoomDocument(@BsonId String id, String branchId, String nameKo, String nameEn, RoomKind kind,
                               int seats, String floor, boolean stepFree, int sortOrder) {
    }

    private final MongoCollection<BranchDocument> branches;
    private final MongoCollection<RoomDocument> rooms;

    BranchRepository(MongoDatabase database) {
        this.branches = database.getCollection(BRANCHES, BranchDocument.class);
        this.rooms = database.getCollection(ROOMS, RoomDocument.class);
        rooms.createIndex(Indexes.ascending("branchId", "sortOrder"), new IndexOptions().name("branch_order"));
    }

    public void save(BranchDocument branch) {
        branches.replaceOne(eq("_id", branch.id()), branch, new ReplaceOptions().upsert(true));
    }

    public void save(RoomDocument room) {
        rooms.replaceOne(eq("_id", room.id()), room, new ReplaceOptions().upsert(true));
    }

    public List<Branch> findAll() {
        Map<String, List<Room>> roomsByBranch = rooms.find().sort(Sorts.ascending("branchId", "sortOrder"))
                .limit(MAX_ROOMS).into(new ArrayList<>()).stream()
                .map(r -> new Room(r.id(), new BranchId(r.branchId()), r.nameKo(), r.nameEn(), r.kind(), r.seats(),
                        r.floor(), r.stepFree()))
                .collect(Collectors.groupingBy(r -> r.branchId().value()));
        return branches.find().sort(Sorts.ascending("sortOrder")).limit(MAX_BRANCHES).into(new ArrayList<>()).stream()
                .map(b -> new Branch(new BranchId(b.id()), b.nameKo(), b.nameEn(), b.address(), b.directionsKo(),
                        b.directionsEn(), b.phone(), roomsByBranch.getOrDefault(b.id(), List.of())))
                .toList();
    }
}
