package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.Publication;
import org.baeum.catalog.RecruitmentMethod;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code offerings} collection and its queries. Every list query is paged or limited. Indexes serve the
 * public list (publication + last date + sort keys) and the conflict checks (room, instructor); on the
 * embedded server they are declared but not used (it scans), see docs/performance.md.
 */
@Repository
public class OfferingRepository {

    public static final String COLLECTION = "offerings";
    /** The ordered recruitment phases: {@code [{opensAt, closesAt, method}]} (decision 0024). */
    public static final String RECRUITMENT_PHASES = "recruitmentPhases";
    /** The most offerings one room, instructor, program or term can have that a check reads at once. */
    static final int MAX_RELATED = 5_000;

    public record Found(List<OfferingDocument> items, long total) {
    }

    private final MongoCollection<OfferingDocument> offerings;

    OfferingRepository(MongoDatabase database) {
        this.offerings = database.getCollection(COLLECTION, OfferingDocument.class);
        offerings.createIndex(Indexes.ascending("publication", "lastDate", "firstDate"), new IndexOptions().name("public_list"));
        offerings.createIndex(Indexes.ascending("termId"), new IndexOptions().name("term"));
        offerings.createIndex(Indexes.ascending("programId"), new IndexOptions().name("program"));
        offerings.createIndex(Indexes.ascending("roomId", "lastDate"), new IndexOptions().name("room"));
        offerings.createIndex(Indexes.ascending("instructorIds", "lastDate"), new IndexOptions().name("instructor"));
    }

    /** The fields only the seat ledger changes (atomically); a planning save never overwrites them. */
    static final java.util.Set<String> SEAT_FIELDS = java.util.Set.copyOf(OfferingSeats.FIELDS.all());
    /**
     * Publication changes only through {@link #setPublication} (publish, cancel, unpublish): a planning save made from
     * an earlier read (the screen, a PATCH) never puts back a state that a cancellation changed meanwhile.
     */
    static final String PUBLICATION = "publication";

    /**
     * Stores what planning decided. A new offering starts with its capacity and empty seats; an existing one keeps
     * its capacity and seat counters, which change only through the capacity ledger ({@link OfferingSeats}; a capacity
     * change is one guarded update there, before this save).
     */
    public void save(OfferingDocument offering) {
        org.bson.BsonDocument all = new org.bson.BsonDocumentWrapper<>(offering, offerings.getCodecRegistry()
                .get(OfferingDocument.class)).toBsonDocument();
        org.bson.BsonDocument set = new org.bson.BsonDocument();
        org.bson.BsonDocument onInsert = new org.bson.BsonDocument();
        all.forEach((field, value) -> {
            if ("_id".equals(field)) {
                return;
            }
            (SEAT_FIELDS.contains(field) || PUBLICATION.equals(field) ? onInsert : set).put(field, value);
        });
        onInsert.put(OfferingSeats.FIELDS.waitlistSeq(), new org.bson.BsonInt64(0));
        onInsert.put(OfferingSeats.FIELDS.holders(), new org.bson.BsonArray());
        onInsert.put(OfferingSeats.FIELDS.mode(), new org.bson.BsonString(org.baeum.capacity.Storage.FIRST_COME));
        offerings.updateOne(eq("_id", offering.id()), new org.bson.BsonDocument("$set", set)
                .append("$setOnInsert", onInsert), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Publishes, cancels or unpublishes an existing offering; false when there is none with that id. */
    public boolean setPublication(String id, org.baeum.catalog.Publication publication, Instant now) {
        return offerings.updateOne(eq("_id", id), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set(PUBLICATION, publication.name()),
                com.mongodb.client.model.Updates.set("updatedAt", now))).getMatchedCount() == 1;
    }

    /**
     * Matches an offering while one of its phases with {@code method} is open at {@code now} (opened at or before it,
     * closing after it): e.g. the seat ledger's guard that first come takes seats only in a FIRST_COME phase.
     */
    public static Bson phaseOpen(RecruitmentMethod method, Instant now) {
        return elemMatch(RECRUITMENT_PHASES, and(eq("method", method.name()), lte("opensAt", now), gt("closesAt", now)));
    }

    /**
     * Replaces the offering's recruitment (its phases, whole window and first method) in one update, leaving every other
     * field as it is: the round path of {@code CatalogService#recruitThroughRound}.
     *
     * @return false when there is no such offering
     */
    public boolean replaceRecruitment(String id, org.baeum.catalog.Recruitment recruitment, Instant now) {
        return offerings.updateOne(eq("_id", id), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set(RECRUITMENT_PHASES, CatalogMapping.phases(recruitment)),
                com.mongodb.client.model.Updates.set("recruitmentOpensAt", recruitment.opensAt()),
                com.mongodb.client.model.Updates.set("recruitmentClosesAt", recruitment.closesAt()),
                com.mongodb.client.model.Updates.set("recruitmentMethod", recruitment.phases().getFirst().method()),
                com.mongodb.client.model.Updates.set("updatedAt", now))).getMatchedCount() == 1;
    }

    /** Where a closure's cancelled days and make-up days are kept on an offering (decision 0043). */
    public static final String CLOSURE_CANCELLED = "closureCancelledDates";
    public static final String CLOSURE_MAKE_UPS = "closureMakeUpDates";

    /**
     * A closure's change of session dates: only if they are still {@code expected}, so a rerun or a change made
     * meanwhile changes nothing. The cancelled and make-up days are kept beside them, so that planning the offering
     * again ({@link #closureChanges}) applies them to the dates it generates. {@code firstDate}/{@code lastDate} stay
     * the schedule's: a make-up day after it is found by the room queries through {@link #CLOSURE_MAKE_UPS}.
     */
    public boolean changeSessionDates(String id, List<LocalDate> expected, List<LocalDate> dates,
                                      java.util.Collection<LocalDate> cancelled, java.util.Collection<LocalDate> makeUps,
                                      Instant now) {
        return offerings.updateOne(and(eq("_id", id), eq("sessionDates", expected)), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("sessionDates", dates),
                com.mongodb.client.model.Updates.addEachToSet(CLOSURE_CANCELLED, List.copyOf(cancelled)),
                com.mongodb.client.model.Updates.addEachToSet(CLOSURE_MAKE_UPS, List.copyOf(makeUps)),
                com.mongodb.client.model.Updates.set("updatedAt", now))).getModifiedCount() == 1;
    }

    /** The days closures cancelled ({@code [0]}) and added as make-ups ({@code [1]}) on an offering; empty lists if none. */
    public List<List<LocalDate>> closureChanges(String id) {
        org.bson.Document d = offerings.withDocumentClass(org.bson.Document.class).find(eq("_id", id))
                .projection(com.mongodb.client.model.Projections.include(CLOSURE_CANCELLED, CLOSURE_MAKE_UPS)).first();
        return List.of(days(d, CLOSURE_CANCELLED), days(d, CLOSURE_MAKE_UPS));
    }

    private static List<LocalDate> days(org.bson.Document d, String field) {
        if (d == null || d.get(field) == null) {
            return List.of();
        }
        return d.getList(field, Object.class).stream().map(OfferingRepository::day).toList();
    }

    private static LocalDate day(Object value) {
        return switch (value) {
            case LocalDate date -> date;
            case java.util.Date date -> LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
            default -> LocalDate.parse(value.toString());
        };
    }

    public Optional<OfferingDocument> findById(String id) {
        return Optional.ofNullable(offerings.find(eq("_id", id)).first());
    }

    public long count() {
        return offerings.countDocuments();
    }

    public Found search(CatalogQuery query, boolean includeDrafts, LocalDate today) {
        Bson filter = filter(query, includeDrafts, today);
        List<OfferingDocument> items = offerings.find(filter).sort(sort(query))
                .skip(query.page() * query.size()).limit(query.size()).into(new ArrayList<>());
        long total = items.size() < query.size() && query.page() == 0 ? items.size() : offerings.countDocuments(filter);
        return new Found(items, total);
    }

    static Bson filter(CatalogQuery q, boolean includeDrafts, LocalDate today) {
        List<Bson> and = new ArrayList<>();
        and.add(includeDrafts ? ne("publication", Publication.CANCELLED.name()) : eq("publication", Publication.PUBLISHED.name()));
        if (q.term() != null) {
            and.add(eq("termId", q.term().value()));
        } else {
            and.add(gte("lastDate", today));
        }
        if (q.text() != null) {
            and.add(regex("searchText", Pattern.quote(q.text().toLowerCase(Locale.ROOT))));
        }
        if (q.domain() != null) {
            and.add(eq("domain", q.domain().name()));
        }
        if (q.audience() != null) {
            and.add(eq("audience", q.audience().name()));
        }
        if (q.branch() != null) {
            and.add(eq("branchId", q.branch().value()));
        }
        if (q.weekday() != null) {
            and.add(eq("weekdays", q.weekday().getValue()));
        }
        if (q.timeOfDay() != null) {
            and.add(gte("startMinute", q.timeOfDay().fromMinute()));
            and.add(lt("startMinute", q.timeOfDay().toMinute()));
        }
        if (q.free() != null) {
            and.add(q.free() ? eq("fee", 0L) : gt("fee", 0L));
        }
        if (q.format() != null) {
            and.add(eq("format", q.format().name()));
        }
        if (q.age() != null) {
            and.add(lte("minAge", q.age()));
            and.add(gte("maxAge", q.age()));
        }
        if (q.seatsLeftOnly()) {
            and.add(gt("seatsLeft", 0));
        }
        return and(and);
    }

    static Bson sort(CatalogQuery q) {
        return switch (q.sort()) {
            case STARTING_SOON -> Sorts.ascending("firstDate", "startMinute", "titleKo", "_id");
            case RECRUITMENT_SOON -> Sorts.ascending("recruitmentOpensAt", "firstDate", "_id");
            case TITLE -> Sorts.ascending("titleKo", "_id");
            case FEE_LOW -> Sorts.ascending("fee", "firstDate", "_id");
            case SEATS_LEFT -> Sorts.orderBy(Sorts.descending("seatsLeft"), Sorts.ascending("firstDate", "_id"));
        };
    }

    /** Offerings that use the room and are not cancelled (for the double-booking check). */
    public List<OfferingDocument> activeInRoom(String roomId, LocalDate from) {
        return offerings.find(and(eq("roomId", roomId), or(gte("lastDate", from), gte(CLOSURE_MAKE_UPS, from)),
                        ne("publication", Publication.CANCELLED.name())))
                .limit(MAX_RELATED).into(new ArrayList<>());
    }

    /**
     * Published offerings with a session day between {@code from} and {@code to} (their schedule overlaps the days), in
     * one room or, with {@code roomId} null, in one branch or, with both null, anywhere (class sessions that a booking
     * or a closure meets).
     */
    public List<OfferingDocument> publishedOverlapping(String branchId, String roomId, LocalDate from, LocalDate to) {
        List<Bson> and = new ArrayList<>(List.of(eq("publication", Publication.PUBLISHED.name()),
                or(and(gte("lastDate", from), lte("firstDate", to)),
                        and(gte(CLOSURE_MAKE_UPS, from), lte(CLOSURE_MAKE_UPS, to)))));
        if (roomId != null) {
            and.add(eq("roomId", roomId));
        }
        if (branchId != null) {
            and.add(eq("branchId", branchId));
        }
        return offerings.find(and(and)).sort(Sorts.ascending("firstDate", "_id")).limit(MAX_RELATED)
                .into(new ArrayList<>());
    }

    /** Offerings any of these instructors teach and that are not cancelled. */
    public List<OfferingDocument> activeForInstructors(List<String> instructorIds, LocalDate from) {
        if (instructorIds.isEmpty()) {
            return List.of();
        }
        return offerings.find(and(in("instructorIds", instructorIds), gte("lastDate", from),
                ne("publication", Publication.CANCELLED.name()))).limit(MAX_RELATED).into(new ArrayList<>());
    }

    public List<OfferingDocument> inTerm(String termId) {
        return offerings.find(eq("termId", termId)).sort(Sorts.ascending("_id")).limit(MAX_RELATED).into(new ArrayList<>());
    }

    public List<OfferingDocument> ofProgram(String programId) {
        return offerings.find(eq("programId", programId)).limit(MAX_RELATED).into(new ArrayList<>());
    }

    /**
     * The offerings that are not drafts and whose schedule overlaps the days (first date on or before {@code to}, last
     * date on or after {@code from}), by first date, one by one (the public list's index serves it). A caller that
     * wants them by first session day filters further: that day lies between the first and last dates.
     */
    public void forEachNotDraftOverlapping(LocalDate from, LocalDate to, java.util.function.Consumer<OfferingDocument> action) {
        offerings.find(and(in("publication", Publication.PUBLISHED.name(), Publication.CANCELLED.name()),
                gte("lastDate", from), lte("firstDate", to))).sort(Sorts.ascending("firstDate", "_id")).forEach(action);
    }
}
