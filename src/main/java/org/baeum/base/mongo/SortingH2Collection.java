package org.baeum.base.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * An {@link H2Collection} whose sorted queries cost what a page costs, not what sorting every match costs, and
 * whose queries on one {@code _id} plus other conditions read one document, not every document, and whose queries on a
 * list of {@code _id}s ({@code $in}) read those documents only.
 *
 * <h2>Why</h2>
 * The stock collection sorts all matching documents with {@code DocumentComparator}, then skips and limits. That
 * comparator looks every sort key up again in both documents on every comparison (splitting the key with a regular
 * expression, then a hash lookup), so sorting 7,000 catalog matches for one page of 20 took about 90 ms of the
 * 110 ms the page query cost (see docs/performance.md).
 *
 * <h2>What changes</h2>
 * For a sort on fields (not {@code $natural}) the sort-key values of each match are read once, with the same
 * {@link Utils#getSubdocumentValueCollectionAware} the stock comparator uses, and compared with the same
 * {@link ValueComparator}; ties keep the order in which the matches were found, as the stock (stable) sort does.
 * With a limit, only the first {@code skip + limit} matches in that order are kept (a bounded heap), instead of
 * sorting all of them. Skip, limit, projection and batching then run through the stock code. A real MongoDB does
 * the equivalent itself (a top-k sort, or an index).
 *
 * <h2>Same result</h2>
 * For scalar sort values (strings, numbers, booleans, dates, object ids, null or missing) the comparator is a total
 * order, so the result is the same documents in the same order as the stock code's; {@code SortingH2CollectionTest}
 * compares both. When a sort value is an array or a document the stock comparator is not always consistent (two
 * empty arrays each compare as smaller than the other), so the order depends on the sorting algorithm: those
 * queries are handed to the stock code unchanged.
 *
 * <h2>Queries on an {@code _id} with more conditions</h2>
 * The stock code uses the {@code _id} index only when the query is exactly {@code {_id: value}}. A conditional
 * update such as "mark item x done if it is still claimed by me" ({@code {$and: [{_id: x}, {status: "CLAIMED"},
 * {owner: me}]}}, which is how the driver writes {@code Filters.and}) read and matched every document of the
 * collection: with 10,000 outbox rows that was two full scans per mail sent (see docs/performance.md). When the query
 * requires {@code _id} to equal a string or an object id (at the top level, or in a top-level {@code $and}), the
 * candidates are now looked up through the {@code _id} index, exactly as the stock code looks up {@code {_id: value}},
 * and the whole query is then matched against them by the stock matcher. The result is the same: a document that
 * matches the query has that {@code _id}, and every document with that {@code _id} is a candidate.
 *
 * <h2>{@code $or} of indexed equalities</h2>
 * The stock code uses an index only when the query's keys are exactly the index's keys, so
 * {@code {$or: [{username: x}, {email: x}]}} (how the portal finds an account by user name or email, on every API
 * request through the bearer-token filter) read and matched every account: with 6,000 accounts that scan was the
 * largest single cost of an enrolment in the 10:00 rush (docs/performance.md, "Enrolment rush"). When the query is only
 * an {@code $or} and an index answers each branch on its own (the stock code's own rule, {@code Index#canHandle}), the
 * candidates are the union of what those indexes give for the branches, put in the order a full scan reads documents
 * (the {@code _id} order of the map), and the whole query is matched against them by the stock matcher. The result is
 * the same, in the same order: a document matches the {@code $or} only if it matches a branch, and for each branch the
 * index gives every document that matches it (which the stock code relies on for a plain query too).
 */
final class SortingH2Collection extends H2Collection {

    /** The documents by {@code _id}, in the order a scan reads them (the stock collection keeps it private). */
    private final MVMap<Object, Document> dataMap;

    SortingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (isNatural(orderBy)) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Object id = idEquality(query);
        if (id != null && !query.keySet().equals(java.util.Set.of(getIdField()))) {
            List<Document> candidates = new ArrayList<>(1);
            super.queryDocuments(new Document(getIdField(), id), null, 0, 0, 0, null).forEach(candidates::add);
            return matchDocumentsFromStream(candidates.stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Object> positions = id == null ? indexedOrPositions(query) : null;
        if (positions == null && id == null) {
            positions = idInPositions(query);
        }
        if (positions != null) {
            // every document that matches one branch, each once, in scan order; the whole query is matched again
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // no single _id and no indexed $or, or exactly {_id: value}, which the stock code answers from the index
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * For a query that is only {@code {$or: [b1, b2, …]}} where each branch is equality to strings or object ids on
     * exactly the keys of a unique index (such as {@code {username: x}}, which the stock code answers from that index
     * when it is the whole query), the positions those indexes give for all branches, each once, in the order a full scan
     * reads the documents; null otherwise (the stock code then scans).
     */
    private List<Object> indexedOrPositions(Document query) {
        if (query == null || query.size() != 1 || !(query.get("$or") instanceof List<?> branches) || branches.isEmpty()) {
            return null;
        }
        List<Document> conditions = new ArrayList<>(branches.size());
        for (Object branch : branches) {
            if (!(branch instanceof Document condition) || condition.isEmpty()
                    || !condition.values().stream().allMatch(SortingH2Collection::isPlainKey)) {
                return null;
            }
            conditions.add(condition);
        }
        return uniquePositions(conditions);
    }

    /**
     * The positions unique indexes give for the conditions (each answered by one index on exactly its keys), each once,
     * in the order a full scan reads the documents; null when an index answers none of them.
     */
    private List<Object> uniquePositions(List<Document> conditions) {
        java.util.TreeSet<Object> positions = new java.util.TreeSet<>(dataMap.getKeyType()::compare);
        for (Document condition : conditions) {
            de.bwaldvogel.mongo.backend.Index<Object> index = getIndexes().stream()
                    .filter(candidate -> candidate.isUnique() && candidate.canHandle(condition)).findFirst().orElse(null);
            if (index == null) {
                return null;
            }
            index.getPositions(condition).forEach(positions::add);
        }
        return new ArrayList<>(positions);
    }

    /**
     * For a query that requires {@code _id} to be one of a list of strings or object ids ({@code {_id: {$in: […]}}}, with
     * or without more conditions), the positions the {@code _id} index gives for those values, each once, in the order
     * a full scan reads the documents; null otherwise. Every document that matches has one of those ids, so matching
     * the whole query against them gives what the stock code's scan gives (a batch job's "these accounts").
     */
    private List<Object> idInPositions(Document query) {
        if (query == null || !(query.get(getIdField()) instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof java.util.Collection<?> values)
                || !values.stream().allMatch(SortingH2Collection::isPlainKey)) {
            return null;
        }
        return uniquePositions(values.stream().map(value -> new Document(getIdField(), value)).toList());
    }

    /**
     * The string or object id that {@code query} requires {@code _id} to equal, at its top level or in one of the
     * conditions of a top-level {@code $and}; null when there is none (or it is another kind of value, an operator
     * such as {@code $in}, or a regular expression).
     */
    private Object idEquality(Document query) {
        if (query == null) {
            return null;
        }
        Object id = plainId(query.get(getIdField()));
        if (id != null) {
            return id;
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document && (id = plainId(document.get(getIdField()))) != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** A value the unique indexes look up exactly, as for {@code _id}: a string or an object id. */
    private static boolean isPlainKey(Object value) {
        return value instanceof String || value instanceof ObjectId;
    }

    private static Object plainId(Object value) {
        return value instanceof String || value instanceof ObjectId ? value : null;
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && !orderBy.isEmpty() && orderBy.keySet().iterator().next().equals("$natural");
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documentStream, Document query, Document orderBy,
                                                   int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        List<String> keys = sortKeys(orderBy);
        if (keys == null) {
            return super.matchDocumentsFromStream(documentStream, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Document> matches = documentStream.filter(document -> documentMatchesQuery(document, query))
                .collect(Collectors.toCollection(ArrayList::new));
        long wanted = limit > 0 ? (long) Math.max(numberToSkip, 0) + limit : Long.MAX_VALUE;
        List<Document> sorted = firstInOrder(matches, keys, orderBy, wanted);
        if (sorted == null) {
            // a sort value the stock comparator does not order consistently (an array, a document): leave it to it
            return super.matchDocumentsFromStream(matches.stream(), new Document(), orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
        }
        // already matched and sorted: the stock code only skips, limits, projects and batches
        return super.matchDocumentsFromStream(new Document(), sorted.stream(), numberToSkip, limit, batchSize, null,
                fieldSelector);
    }

    /**
     * The first {@code wanted} matches in the order of {@code orderBy}, ties in the order found, sorted; null when a
     * sort value is not a plain scalar.
     */
    private static List<Document> firstInOrder(List<Document> matches, List<String> keys, Document orderBy, long wanted) {
        ValueComparator[] directions = new ValueComparator[keys.size()];
        for (int i = 0; i < directions.length; i++) {
            // as DocumentComparator: a positive number is ascending, anything else descending
            directions[i] = ((Number) orderBy.get(keys.get(i))).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
        }
        Comparator<Keyed> order = (a, b) -> {
            for (int i = 0; i < directions.length; i++) {
                int cmp = directions[i].compare(a.values[i], b.values[i]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Integer.compare(a.position, b.position);
        };
        boolean bounded = wanted < matches.size();
        PriorityQueue<Keyed> largestOnTop = bounded ? new PriorityQueue<>(order.reversed()) : null;
        List<Keyed> all = bounded ? null : new ArrayList<>(matches.size());
        for (int position = 0; position < matches.size(); position++) {
            Document document = matches.get(position);
            Object[] values = new Object[keys.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Utils.getSubdocumentValueCollectionAware(document, keys.get(i));
                if (!isScalar(values[i])) {
                    return null;
                }
            }
            Keyed keyed = new Keyed(document, values, position);
            if (!bounded) {
                all.add(keyed);
            } else if (largestOnTop.size() < wanted) {
                largestOnTop.add(keyed);
            } else if (order.compare(keyed, largestOnTop.peek()) < 0) {
                largestOnTop.poll();
                largestOnTop.add(keyed);
            }
        }
        List<Keyed> result = bounded ? new ArrayList<>(largestOnTop) : all;
        result.sort(order);
        List<Document> documents = new ArrayList<>(result.size());
        result.forEach(keyed -> documents.add(keyed.document));
        return documents;
    }

    /** Values that {@link ValueComparator} orders consistently (a total order), so any correct sort agrees. */
    private static boolean isScalar(Object value) {
        return Missing.isNullOrMissing(value) || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Instant || value instanceof ObjectId;
    }

    /** The fields to sort on, or null when the stock code should handle the order (none, $natural, odd keys). */
    private static List<String> sortKeys(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.keySet().iterator().next().equals("$natural")) {
            return null;
        }
        List<String> keys = new ArrayList<>(orderBy.keySet());
        for (String key : keys) {
            // not a number, or a path the stock comparator rejects (it does so only once it compares two matches)
            if (!(orderBy.get(key) instanceof Number) || key.isEmpty() || key.startsWith(".") || key.endsWith(".")
                    || key.contains("..")) {
                return null;
            }
        }
        return keys;
    }

    private record Keyed(Document document, Object[] values, int position) {
    }
}
