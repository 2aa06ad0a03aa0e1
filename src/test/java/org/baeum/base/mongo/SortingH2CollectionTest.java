package org.baeum.base.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoQueryException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-k sort of {@link SortingH2Collection} returns exactly what the stock H2 collection returns. */
class SortingH2CollectionTest {

    @TempDir
    Path dir;

    @Test
    void sorted_paged_queries_return_the_same_documents_in_the_same_order_as_the_stock_collection() {
        List<Document> documents = randomDocuments(new Random(7), 600);
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(null)));
             RunningServer sorting = RunningServer.on(new CommittingH2Backend(MVStore.open(null)))) {
            stock.collection().insertMany(copies(documents));
            sorting.collection().insertMany(copies(documents));

            List<Document> sorts = List.of(new Document("a", 1), new Document("a", -1), new Document("a", 1).append("_id", -1),
                    new Document("s", 1).append("a", -1), new Document("tag", 1), new Document("arr", 1),
                    new Document("sub.x", 1), new Document("when", -1).append("s", 1),
                    new Document("absent", 1), new Document("mixed", 1), new Document("mixed", -1).append("tag", -1));
            List<Bson> filters = List.of(new Document(), Filters.gt("a", 10), Filters.eq("tag", "b"),
                    Filters.regex("s", "3"));
            int[][] pages = {{0, 0}, {0, 1}, {0, 20}, {3, 7}, {100, 20}, {590, 20}, {700, 5}, {40, 0}};
            int queries = 0;
            for (Document sort : sorts) {
                for (Bson filter : filters) {
                    for (int[] page : pages) {
                        for (boolean projected : new boolean[] {false, true}) {
                            Object expected = run(stock.collection(), filter, sort, page, projected);
                            Object actual = run(sorting.collection(), filter, sort, page, projected);
                            assertThat(actual).as("sort %s, filter %s, skip %d, limit %d", sort.toJson(), filter,
                                    page[0], page[1]).isEqualTo(expected);
                            queries++;
                        }
                    }
                }
            }
            assertThat(queries).isEqualTo(sorts.size() * filters.size() * pages.length * 2);
            // the stock comparator is inconsistent on arrays: this sort fails in the stock code, and so in ours
            int[] firstPage = {0, 20};
            Object stockResult = run(stock.collection(), new Document(), new Document("arr", -1), firstPage, false);
            assertThat(stockResult).asString().contains("Comparison method violates its general contract");
            assertThat(run(sorting.collection(), new Document(), new Document("arr", -1), firstPage, false))
                    .isEqualTo(stockResult);
            // the natural order and unsorted queries are left to the stock code
            assertThat(sorting.collection().find().sort(new Document("$natural", -1)).limit(5).into(new ArrayList<>()))
                    .isEqualTo(stock.collection().find().sort(new Document("$natural", -1)).limit(5).into(new ArrayList<>()));
            assertThat(sorting.collection().find(Filters.gt("a", 50)).skip(2).limit(9).into(new ArrayList<>()))
                    .isEqualTo(stock.collection().find(Filters.gt("a", 50)).skip(2).limit(9).into(new ArrayList<>()));
        }
    }

    @Test
    void queries_and_writes_on_one_id_with_more_conditions_do_what_the_stock_collection_does() {
        List<Document> documents = randomDocuments(new Random(11), 300);
        List<Object> ids = new ArrayList<>(documents.stream().map(d -> d.get("_id")).toList());
        ids.add("no-such-id");
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(null)));
             RunningServer ours = RunningServer.on(new CommittingH2Backend(MVStore.open(null)))) {
            stock.collection().insertMany(copies(documents));
            ours.collection().insertMany(copies(documents));
            Random random = new Random(5);
            int checks = 0;
            for (int i = 0; i < 200; i++) {
                Object id = ids.get(random.nextInt(ids.size()));
                Bson condition = List.of(Filters.gt("a", 30), Filters.eq("tag", "b"), Filters.exists("s", false),
                        Filters.or(Filters.eq("tag", "a"), Filters.lte("a", 10)), new Document()).get(random.nextInt(5));
                // as the driver writes and(...) ({$and: [...]}), and as a hand-written document ({_id: .., tag: ..})
                List<Bson> filters = List.of(Filters.and(Filters.eq("_id", id), condition),
                        Filters.and(condition, Filters.eq("_id", id)),
                        new Document("_id", id).append("tag", "c"),
                        Filters.and(Filters.in("_id", id, ids.get(0)), condition));
                for (Bson filter : filters) {
                    assertThat(ours.collection().find(filter).into(new ArrayList<>()))
                            .as("find %s", filter).isEqualTo(stock.collection().find(filter).into(new ArrayList<>()));
                    assertThat(ours.collection().countDocuments(filter)).isEqualTo(stock.collection().countDocuments(filter));
                    Bson update = com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.inc("a", 1),
                            com.mongodb.client.model.Updates.set("seen", i));
                    assertThat(ours.collection().updateOne(filter, update).getModifiedCount())
                            .isEqualTo(stock.collection().updateOne(filter, update).getModifiedCount());
                    assertThat(ours.collection().findOneAndUpdate(filter, com.mongodb.client.model.Updates.inc("a", 2)))
                            .isEqualTo(stock.collection().findOneAndUpdate(filter, com.mongodb.client.model.Updates.inc("a", 2)));
                    checks++;
                }
                if (i % 20 == 0) {
                    Bson delete = Filters.and(Filters.eq("_id", id), Filters.gt("a", 40));
                    assertThat(ours.collection().deleteOne(delete).getDeletedCount())
                            .isEqualTo(stock.collection().deleteOne(delete).getDeletedCount());
                }
            }
            assertThat(checks).isEqualTo(800);
            assertThat(ours.collection().find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .isEqualTo(stock.collection().find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
    }

    @Test
    void or_queries_on_unique_keys_do_what_the_stock_collection_does() {
        // accounts-like: unique user name, unique sparse email; some user names are another account's email, some
        // accounts have no email, a few values are object ids
        Random random = new Random(13);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Document d = new Document("_id", "acc-" + random.nextInt(1_000_000) + "-" + i)
                    .append("username", i % 7 == 0 ? "person" + (i + 1) + "@x.test" : "person" + i)
                    .append("roles", List.of(i % 3 == 0 ? "STAFF" : "CITIZEN")).append("n", random.nextInt(50));
            if (i % 5 != 0) {
                d.append("email", "person" + i + "@x.test");
            }
            if (i % 50 == 0) {
                d.append("oid", new org.bson.types.ObjectId());
            }
            documents.add(d);
        }
        Collections.shuffle(documents, random);
        List<Object> values = new ArrayList<>();
        documents.forEach(d -> {
            values.add(d.get("username"));
            values.add(d.getOrDefault("email", "nobody@x.test"));
            values.add(d.get("_id"));
        });
        documents.stream().filter(d -> d.containsKey("oid")).forEach(d -> values.add(d.get("oid")));
        values.add("no-such-value");
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(null)));
             RunningServer ours = RunningServer.on(new CommittingH2Backend(MVStore.open(null)))) {
            for (RunningServer r : List.of(stock, ours)) {
                r.collection().createIndex(new Document("username", 1), new com.mongodb.client.model.IndexOptions().unique(true));
                r.collection().createIndex(new Document("email", 1), new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
                r.collection().createIndex(new Document("oid", 1), new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
                r.collection().createIndex(new Document("n", 1)); // not unique: ignored by the server
                r.collection().insertMany(copies(documents));
            }
            int checks = 0;
            for (int i = 0; i < 300; i++) {
                Object x = values.get(random.nextInt(values.size()));
                Object y = values.get(random.nextInt(values.size()));
                List<Bson> filters = List.of(
                        Filters.or(Filters.eq("username", x), Filters.eq("email", x)),
                        Filters.or(Filters.eq("email", x), Filters.eq("username", y), Filters.eq("_id", y)),
                        Filters.or(Filters.eq("oid", x), Filters.eq("username", x)),
                        Filters.or(Filters.eq("username", x)),
                        // not answered from the indexes: a non-unique key, an operator, a null, a second key
                        Filters.or(Filters.eq("username", x), Filters.eq("n", 3)),
                        Filters.or(Filters.eq("username", x), Filters.in("email", x, y)),
                        Filters.or(Filters.eq("username", x), Filters.eq("email", null)),
                        Filters.or(Filters.eq("username", x), new Document("email", y).append("n", 4)),
                        Filters.and(Filters.eq("roles", "CITIZEN"), Filters.or(Filters.eq("username", x), Filters.eq("email", x))));
                for (Bson filter : filters) {
                    assertThat(ours.collection().find(filter).into(new ArrayList<>()))
                            .as("find %s", filter).isEqualTo(stock.collection().find(filter).into(new ArrayList<>()));
                    assertThat(ours.collection().find(filter).first()).as("first %s", filter)
                            .isEqualTo(stock.collection().find(filter).first());
                    assertThat(ours.collection().find(filter).sort(new Document("n", -1)).projection(Projections.include("n"))
                            .into(new ArrayList<>())).isEqualTo(stock.collection().find(filter).sort(new Document("n", -1))
                            .projection(Projections.include("n")).into(new ArrayList<>()));
                    assertThat(ours.collection().countDocuments(filter)).isEqualTo(stock.collection().countDocuments(filter));
                    Bson update = com.mongodb.client.model.Updates.inc("n", 1);
                    assertThat(ours.collection().updateOne(filter, update).getModifiedCount())
                            .isEqualTo(stock.collection().updateOne(filter, update).getModifiedCount());
                    assertThat(ours.collection().findOneAndUpdate(filter, update))
                            .isEqualTo(stock.collection().findOneAndUpdate(filter, update));
                    checks++;
                }
                if (i % 30 == 0) {
                    Bson delete = Filters.or(Filters.eq("username", x), Filters.eq("email", x));
                    assertThat(ours.collection().deleteOne(delete).getDeletedCount())
                            .isEqualTo(stock.collection().deleteOne(delete).getDeletedCount());
                }
            }
            assertThat(checks).isEqualTo(2_700);
            assertThat(ours.collection().find().into(new ArrayList<>())).isEqualTo(stock.collection().find().into(new ArrayList<>()));
        }
    }

    @Test
    void queries_and_writes_on_a_list_of_ids_do_what_the_stock_collection_does() {
        Random random = new Random(17);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Object id = i % 40 == 0 ? new org.bson.types.ObjectId() : "b-" + random.nextInt(1_000_000) + "-" + i;
            documents.add(new Document("_id", id).append("n", random.nextInt(20))
                    .append("owed", List.of(new Document("mail", i % 2 == 0 ? "confirmed" : "requested"))));
        }
        Collections.shuffle(documents, random);
        List<Object> ids = new ArrayList<>(documents.stream().map(d -> d.get("_id")).toList());
        ids.add("no-such-id");
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(null)));
             RunningServer ours = RunningServer.on(new CommittingH2Backend(MVStore.open(null)))) {
            for (RunningServer r : List.of(stock, ours)) {
                r.collection().insertMany(copies(documents));
            }
            int checks = 0;
            for (int i = 0; i < 80; i++) {
                List<Object> some = new ArrayList<>();
                for (int k = random.nextInt(12); k > 0; k--) {
                    some.add(ids.get(random.nextInt(ids.size())));
                }
                if (i % 10 == 0 && !some.isEmpty()) {
                    some.add(some.getFirst()); // the same id twice
                }
                List<Object> mixed = new ArrayList<>(some);
                mixed.add(7); // a number: not looked up in the index, the stock code scans
                List<Bson> filters = List.of(
                        Filters.in("_id", some),
                        Filters.and(Filters.in("_id", some), Filters.gte("n", 10)),
                        new Document("_id", new Document("$in", some)).append("owed.mail", "confirmed"),
                        Filters.in("_id", mixed),
                        Filters.nin("_id", some));
                for (Bson filter : filters) {
                    assertThat(ours.collection().find(filter).into(new ArrayList<>()))
                            .as("find %s", filter).isEqualTo(stock.collection().find(filter).into(new ArrayList<>()));
                    assertThat(ours.collection().find(filter).sort(new Document("n", 1)).limit(3).into(new ArrayList<>()))
                            .isEqualTo(stock.collection().find(filter).sort(new Document("n", 1)).limit(3).into(new ArrayList<>()));
                    assertThat(ours.collection().countDocuments(filter)).isEqualTo(stock.collection().countDocuments(filter));
                    checks++;
                }
                Bson pull = com.mongodb.client.model.Updates.pull("owed", new Document("mail", "confirmed"));
                Bson inc = com.mongodb.client.model.Updates.inc("n", 1);
                assertThat(ours.collection().updateMany(Filters.in("_id", some), com.mongodb.client.model.Updates.combine(pull, inc)).getModifiedCount())
                        .isEqualTo(stock.collection().updateMany(Filters.in("_id", some), com.mongodb.client.model.Updates.combine(pull, inc)).getModifiedCount());
                if (i % 25 == 0) {
                    assertThat(ours.collection().deleteMany(Filters.in("_id", some)).getDeletedCount())
                            .isEqualTo(stock.collection().deleteMany(Filters.in("_id", some)).getDeletedCount());
                }
            }
            assertThat(checks).isEqualTo(400);
            assertThat(ours.collection().find().into(new ArrayList<>())).isEqualTo(stock.collection().find().into(new ArrayList<>()));
        }
    }

    @Test
    void files_written_by_the_stock_backend_open_with_ours() {
        Path file = dir.resolve("shared.mv.db");
        try (RunningServer stock = RunningServer.on(new H2Backend(MVStore.open(file.toString())))) {
            stock.collection().insertOne(new Document("_id", "from-stock").append("n", 1));
        }
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            assertThat(ours.collection().find().sort(new Document("n", 1)).into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "from-stock").append("n", 1));
            ours.collection().insertOne(new Document("_id", "from-ours").append("n", 2));
        }
        // (not back: documents written by ours are BSON, which the stock backend cannot read; DocumentValueType)
        try (RunningServer ours = RunningServer.on(CommittingH2Backend.open(file))) {
            assertThat(ours.collection().find().sort(new Document("n", -1)).into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id")).containsExactly("from-ours", "from-stock");
        }
    }

    /** The documents found, or the server's error message (the stock sort of arrays can fail, see SortingH2Collection). */
    private static Object run(MongoCollection<Document> collection, Bson filter, Document sort, int[] page,
                              boolean projected) {
        FindIterable<Document> find = collection.find(filter).sort(sort).skip(page[0]).limit(page[1]).batchSize(50);
        if (projected) {
            find = find.projection(Projections.include("a", "tag"));
        }
        try {
            return find.into(new ArrayList<>());
        } catch (MongoQueryException e) {
            return e.getErrorMessage();
        }
    }

    /** Many ties, missing and null values, arrays, nested documents and values of different types in one field. */
    private static List<Document> randomDocuments(Random random, int count) {
        List<Document> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document d = new Document("_id", "id-" + random.nextInt(1_000_000) + "-" + i);
            d.append("a", random.nextInt(60));
            if (random.nextInt(5) > 0) {
                d.append("s", "s" + random.nextInt(40));
            } else if (random.nextBoolean()) {
                d.append("s", null);
            }
            d.append("tag", List.of("a", "b", "c").get(random.nextInt(3)));
            d.append("arr", random.nextInt(4) == 0 ? List.of() : List.of(random.nextInt(9), random.nextInt(9)));
            d.append("sub", new Document("x", random.nextInt(7)));
            d.append("when", new Date(1_700_000_000_000L + 86_400_000L * random.nextInt(20)));
            d.append("mixed", switch (random.nextInt(4)) {
                case 0 -> random.nextInt(5);
                case 1 -> "m" + random.nextInt(5);
                case 2 -> random.nextBoolean();
                default -> random.nextInt(5) + 0.5;
            });
            list.add(d);
        }
        Collections.shuffle(list, random);
        return list;
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(d -> Document.parse(d.toJson())).toList();
    }
}
