package org.baeum.booking.club.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.booking.club.ClubMember;
import org.baeum.booking.club.ClubStatus;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code learning_clubs} collection: one document per club with its members inside. A name is unique per branch
 * (index {@code branch_name} on the name folded to lower case without spaces), a join code unique everywhere; every
 * change is one conditional update of the one document.
 */
@Repository
public class ClubRepository {

    public static final String COLLECTION = "learning_clubs";
    /** Members besides the leader. */
    public static final int MAX_MEMBERS = 50;

    /** A club as stored; {@code joinCode} as stored (the service hides it from all but the leader). */
    public record StoredClub(String id, String name, String description, String branchId, String leaderId,
                             String leaderName, List<ClubMember> members, ClubStatus status, String refusalReason,
                             String joinCode, Instant createdAt) {
    }

    private final MongoCollection<Document> clubs;

    ClubRepository(MongoDatabase database) {
        this.clubs = database.getCollection(COLLECTION);
        clubs.createIndex(Indexes.ascending("branchId", "nameKey"), new IndexOptions().name("branch_name").unique(true));
        clubs.createIndex(Indexes.ascending("joinCode"), new IndexOptions().name("join_code").unique(true));
        clubs.createIndex(Indexes.ascending("leaderId"), new IndexOptions().name("leader"));
        clubs.createIndex(Indexes.ascending("members.accountId"), new IndexOptions().name("member"));
        clubs.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
    }

    /** The name as compared for uniqueness: lower case, without white space. */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Stores a new club.
     *
     * @throws org.baeum.base.mongo.DuplicateKeyException when the branch has a club of that name (or the code is taken)
     */
    public void insert(StoredClub club) {
        Document d = new Document("_id", club.id()).append("name", club.name()).append("nameKey", nameKey(club.name()))
                .append("description", club.description()).append("branchId", club.branchId())
                .append("leaderId", club.leaderId()).append("leaderName", club.leaderName())
                .append("members", List.of()).append("memberCount", 0).append("status", club.status().name())
                .append("joinCode", club.joinCode()).append("createdAt", Date.from(club.createdAt()));
        MongoErrors.translate(() -> clubs.insertOne(d));
    }

    public Optional<StoredClub> find(String id) {
        return Optional.ofNullable(clubs.find(eq("_id", id)).first()).map(ClubRepository::read);
    }

    /** Clubs the account leads or belongs to, by name. */
    public List<StoredClub> ofAccount(String accountId) {
        return read(clubs.find(or(eq("leaderId", accountId), eq("members.accountId", accountId)))
                .sort(Sorts.ascending("name")));
    }

    /** Clubs in a status, oldest first. */
    public List<StoredClub> inStatus(ClubStatus status) {
        return read(clubs.find(eq("status", status.name())).sort(Sorts.ascending("createdAt")).limit(500));
    }

    /** Moves a club from REGISTERED to a decision; false when it is not (or no longer) REGISTERED. */
    public boolean decide(String id, ClubStatus to, String reason, String by, Instant at) {
        return clubs.updateOne(and(eq("_id", id), eq("status", ClubStatus.REGISTERED.name())),
                Updates.combine(Updates.set("status", to.name()), Updates.set("refusalReason", reason),
                        Updates.set("decidedBy", by), Updates.set("decidedAt", Date.from(at)))).getModifiedCount() == 1;
    }

    /**
     * Adds a member to the club with that join code, unless the club was refused, is full, or the account leads or
     * already belongs to it.
     *
     * @return the club after the change, or empty when nothing changed
     */
    public Optional<StoredClub> join(String joinCode, ClubMember member) {
        Document added = clubs.findOneAndUpdate(
                and(eq("joinCode", joinCode), ne("status", ClubStatus.REFUSED.name()),
                        ne("leaderId", member.accountId()), ne("members.accountId", member.accountId()),
                        lt("memberCount", MAX_MEMBERS)),
                Updates.combine(Updates.push("members", new Document("accountId", member.accountId())
                                .append("name", member.name()).append("joinedAt", Date.from(member.joinedAt()))),
                        Updates.inc("memberCount", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(added).map(ClubRepository::read);
    }

    /** Whether a club has this join code (the join was refused for another reason then). */
    public Optional<StoredClub> byJoinCode(String joinCode) {
        return Optional.ofNullable(clubs.find(eq("joinCode", joinCode)).first()).map(ClubRepository::read);
    }

    /** Takes a member out; false when they were not in it. */
    public boolean removeMember(String clubId, String accountId) {
        return clubs.updateOne(and(eq("_id", clubId), eq("members.accountId", accountId)),
                Updates.combine(Updates.pull("members", new Document("accountId", accountId)),
                        Updates.inc("memberCount", -1))).getModifiedCount() == 1;
    }

    /** Gives the club a new join code (the old one stops working). */
    public boolean changeJoinCode(String clubId, String joinCode) {
        return MongoErrors.translate(() -> clubs.updateOne(eq("_id", clubId), Updates.set("joinCode", joinCode))
                .getModifiedCount() == 1);
    }

    private static List<StoredClub> read(Iterable<Document> found) {
        List<StoredClub> list = new ArrayList<>();
        found.forEach(d -> list.add(read(d)));
        return list;
    }

    private static StoredClub read(Document d) {
        List<ClubMember> members = new ArrayList<>();
        for (Document m : d.getList("members", Document.class, List.of())) {
            members.add(new ClubMember(m.getString("accountId"), m.getString("name"), m.getDate("joinedAt").toInstant()));
        }
        return new StoredClub(d.getString("_id"), d.getString("name"), d.getString("description"),
                d.getString("branchId"), d.getString("leaderId"), d.getString("leaderName"), members,
                ClubStatus.valueOf(d.getString("status")), d.getString("refusalReason"), d.getString("joinCode"),
                d.getDate("createdAt").toInstant());
    }
}
