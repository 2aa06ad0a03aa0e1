package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baeum.base.domain.ShortLivedMap;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.BookingRules;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code bookables} collection: one document per resource, rules embedded (decision 0042). */
@Repository
class BookableRepository {

    static final String COLLECTION = "bookables";
    private static final int MAX = 500;
    /** How old a resource read from the cache may be on another node (this node's own writes show at once). */
    static final Duration READ_AGAIN = Duration.ofSeconds(5);

    private final MongoCollection<Document> bookables;
    /** Every booking request reads its resource: read at most every 5 s on this node (decision 0048). */
    private final ShortLivedMap<String, Optional<Bookable>> byId = new ShortLivedMap<>(READ_AGAIN, 2_000);

    BookableRepository(MongoDatabase database) {
        this.bookables = database.getCollection(COLLECTION);
    }

    void save(Bookable b) {
        BookingRules r = b.rules();
        Document rules = new Document("openDays", r.openDays().stream().sorted().map(DayOfWeek::name).toList())
                .append("opens", r.opens().toString()).append("closes", r.closes().toString())
                .append("slotMinutes", r.slotMinutes()).append("wholeDay", r.wholeDay())
                .append("horizonDays", r.horizonDays()).append("cancelMinutesBefore", r.cancelMinutesBefore())
                .append("maxMinutesPerDay", r.maxMinutesPerDay()).append("maxBookingsPerMonth", r.maxBookingsPerMonth())
                .append("minGroup", r.minGroup()).append("maxGroup", r.maxGroup());
        Document d = new Document("_id", b.id()).append("branchId", b.branchId()).append("roomId", b.roomId())
                .append("kind", b.kind().name()).append("nameKo", b.nameKo()).append("nameEn", b.nameEn())
                .append("units", b.units()).append("rules", rules).append("active", b.active());
        try {
            bookables.replaceOne(eq("_id", b.id()), d, new ReplaceOptions().upsert(true));
        } finally {
            byId.forget(b.id());
        }
    }

    /** The resource, as stored at most {@link #READ_AGAIN} ago (this node's own writes at once). */
    Optional<Bookable> findById(String id) {
        return id == null ? Optional.empty() : byId.get(id, this::read);
    }

    private Optional<Bookable> read(String id) {
        return Optional.ofNullable(bookables.find(eq("_id", id)).first()).map(BookableRepository::bookable);
    }

    List<Bookable> findAll() {
        return bookables.find().sort(Sorts.ascending("branchId", "kind", "nameKo")).limit(MAX)
                .map(BookableRepository::bookable).into(new ArrayList<>());
    }

    private static Bookable bookable(Document d) {
        Document r = d.get("rules", Document.class);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        r.getList("openDays", String.class, List.of()).forEach(s -> days.add(DayOfWeek.valueOf(s)));
        BookingRules rules = new BookingRules(days, LocalTime.parse(r.getString("opens")),
                LocalTime.parse(r.getString("closes")), r.getInteger("slotMinutes", 60), r.getBoolean("wholeDay", false),
                r.getInteger("horizonDays", 0), r.getInteger("cancelMinutesBefore", 0), r.getInteger("maxMinutesPerDay", 0),
                r.getInteger("maxBookingsPerMonth", 0), r.getInteger("minGroup", 1), r.getInteger("maxGroup", 1));
        return new Bookable(d.getString("_id"), d.getString("branchId"), d.getString("roomId"),
                BookableKind.valueOf(d.getString("kind")), d.getString("nameKo"), d.getString("nameEn"),
                d.getInteger("units", 1), rules, d.getBoolean("active", true));
    }
}
