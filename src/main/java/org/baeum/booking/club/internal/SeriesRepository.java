package org.baeum.booking.club.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.baeum.booking.club.Clash;
import org.baeum.booking.club.SeriesStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_series} collection: a club's recurring slot, with the booking placed for each day under
 * {@code placed.<yyyy-mm-dd>} (written only when absent, so a rerun of the approval never records a day twice) and the
 * days not placed under {@code notPlaced.<yyyy-mm-dd>}.
 */
@Repository
public class SeriesRepository {

    public static final String COLLECTION = "club_series";

    /** A series as stored; {@code clubName} is filled in by the service. */
    public record StoredSeries(String id, String clubId, String branchId, String bookableId, DayOfWeek weekday,
                               LocalTime start, LocalTime end, LocalDate firstDay, LocalDate lastDay,
                               SeriesStatus status, String refusalReason, TreeMap<LocalDate, String> placed,
                               TreeMap<LocalDate, String> notPlaced, List<Clash> skipped, String requestedBy,
                               Instant createdAt) {
    }

    private final MongoCollection<Document> series;

    SeriesRepository(MongoDatabase database) {
        this.series = database.getCollection(COLLECTION);
        series.createIndex(Indexes.ascending("clubId", "createdAt"), new IndexOptions().name("club"));
        series.createIndex(Indexes.ascending("status", "createdAt"), new IndexOptions().name("status"));
        series.createIndex(Indexes.ascending("mailsOwed.at"), new IndexOptions().name("mails_owed"));
    }

    public void insert(StoredSeries s) {
        series.insertOne(new Document("_id", s.id()).append("clubId", s.clubId()).append("branchId", s.branchId())
                .append("bookableId", s.bookableId()).append("weekday", s.weekday().name())
                .append("start", s.start().toString()).append("end", s.end().toString())
                .append("firstDay", s.firstDay().toString()).append("lastDay", s.lastDay().toString())
                .append("status", s.status().name()).append("placed", new Document())
                .append("notPlaced", new Document()).append("skipped", clashes(s.skipped()))
                .append("requestedBy", s.requestedBy()).append("createdAt", Date.from(s.createdAt())));
    }

    public Optional<StoredSeries> find(String id) {
        return Optional.ofNullable(series.find(eq("_id", id)).first()).map(SeriesRepository::read);
    }

    public List<StoredSeries> ofClub(String clubId) {
        return read(series.find(eq("clubId", clubId)).sort(Sorts.ascending("createdAt")));
    }

    /** Series in some statuses, oldest first. */
    public List<StoredSeries> inStatus(Collection<SeriesStatus> statuses) {
        return read(series.find(in("status", statuses.stream().map(Enum::name).toList()))
                .sort(Sorts.ascending("createdAt")).limit(500));
    }

    /** The requested and approved series of a room on a weekday (the ones a new series of that room could meet). */
    public List<StoredSeries> activeOf(String bookableId, DayOfWeek weekday) {
        return read(series.find(and(eq("bookableId", bookableId), eq("weekday", weekday.name()),
                in("status", List.of(SeriesStatus.REQUESTED.name(), SeriesStatus.APPROVED.name()))))
                .sort(Sorts.ascending("createdAt")).limit(500));
    }

    /** Moves a series from one of {@code from} to {@code to}; false when it is in none of them. */
    public boolean move(String id, Collection<SeriesStatus> from, SeriesStatus to, String reason, String by, Instant at) {
        return move(id, from, to, reason, by, at, false);
    }

    /**
     * As {@link #move(String, Collection, SeriesStatus, String, String, Instant)}; {@code owesMail}: the leader is owed
     * the decision's mail, recorded in the same update ({@code mailsOwed: [{status, at}]}) and taken off by
     * {@link #mailed} once it is queued ({@link ClubMail#recover} queues what a crash left).
     */
    public boolean move(String id, Collection<SeriesStatus> from, SeriesStatus to, String reason, String by, Instant at,
                        boolean owesMail) {
        Bson update = Updates.combine(Updates.set("status", to.name()), Updates.set("refusalReason", reason),
                Updates.set("decidedBy", by), Updates.set("decidedAt", Date.from(at)));
        if (owesMail) {
            update = Updates.combine(update, Updates.push("mailsOwed",
                    new Document("status", to.name()).append("at", Date.from(at))));
        }
        return series.updateOne(and(eq("_id", id), in("status", from.stream().map(Enum::name).toList())), update)
                .getModifiedCount() == 1;
    }

    /** A decision's mail owed to the leader since {@code since}: the series as stored now, the decision owed. */
    public record OwedMail(StoredSeries series, SeriesStatus decision, Instant since) {
    }

    /** The mails owed since before {@code before} (at most {@code limit} series). */
    List<OwedMail> owingMailSince(Instant before, int limit) {
        List<OwedMail> owed = new ArrayList<>();
        for (Document d : series.find(lte("mailsOwed.at", Date.from(before))).limit(limit)) {
            StoredSeries s = read(d);
            for (Document m : d.getList("mailsOwed", Document.class, List.of())) {
                Instant since = m.getDate("at").toInstant();
                if (!since.isAfter(before)) {
                    owed.add(new OwedMail(s, SeriesStatus.valueOf(m.getString("status")), since));
                }
            }
        }
        return owed;
    }

    /** The decision's mail was queued: no longer owed. */
    void mailed(String id, SeriesStatus decision) {
        series.updateOne(eq("_id", id), Updates.pull("mailsOwed", new Document("status", decision.name())));
    }

    /** Records the booking placed for a day, unless one is recorded already; clears the day's "not placed". */
    public boolean recordPlaced(String id, LocalDate day, String bookingId) {
        return series.updateOne(and(eq("_id", id), exists("placed." + day, false)),
                Updates.combine(Updates.set("placed." + day, bookingId), Updates.unset("notPlaced." + day)))
                .getModifiedCount() == 1;
    }

    /** Records why a day was not placed (the last attempt's reason). */
    public void recordNotPlaced(String id, LocalDate day, String reason) {
        series.updateOne(and(eq("_id", id), exists("placed." + day, false)), Updates.set("notPlaced." + day, reason));
    }

    /** Replaces the days off the series skips (as found at the last approval run). */
    public void recordSkipped(String id, List<Clash> skipped) {
        series.updateOne(eq("_id", id), Updates.set("skipped", clashes(skipped)));
    }

    private static List<Document> clashes(List<Clash> clashes) {
        return clashes.stream().map(c -> new Document("date", c.date().toString()).append("kind", c.kind().name())
                .append("reasonKo", c.reasonKo()).append("reasonEn", c.reasonEn())).toList();
    }

    private static List<StoredSeries> read(Iterable<Document> found) {
        List<StoredSeries> list = new ArrayList<>();
        found.forEach(d -> list.add(read(d)));
        return list;
    }

    private static StoredSeries read(Document d) {
        TreeMap<LocalDate, String> placed = days(d.get("placed", Document.class));
        TreeMap<LocalDate, String> notPlaced = days(d.get("notPlaced", Document.class));
        List<Clash> skipped = new ArrayList<>();
        for (Document c : d.getList("skipped", Document.class, List.of())) {
            skipped.add(new Clash(LocalDate.parse(c.getString("date")), Clash.Kind.valueOf(c.getString("kind")),
                    c.getString("reasonKo"), c.getString("reasonEn")));
        }
        return new StoredSeries(d.getString("_id"), d.getString("clubId"), d.getString("branchId"),
                d.getString("bookableId"), DayOfWeek.valueOf(d.getString("weekday")),
                LocalTime.parse(d.getString("start")), LocalTime.parse(d.getString("end")),
                LocalDate.parse(d.getString("firstDay")), LocalDate.parse(d.getString("lastDay")),
                SeriesStatus.valueOf(d.getString("status")), d.getString("refusalReason"), placed, notPlaced, skipped,
                d.getString("requestedBy"), d.getDate("createdAt").toInstant());
    }

    private static TreeMap<LocalDate, String> days(Document map) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        if (map != null) {
            map.forEach((day, value) -> days.put(LocalDate.parse(day), String.valueOf(value)));
        }
        return days;
    }
}
