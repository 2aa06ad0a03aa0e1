package org.baeum.account.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.springframework.stereotype.Repository;

/** The {@code fee_reduction_categories} collection: categories and their rates, which ADMIN sets. */
@Repository
public class FeeReductionCategoryRepository {

    public static final String COLLECTION = "fee_reduction_categories";

    private final MongoCollection<FeeReductionCategoryDocument> categories;

    FeeReductionCategoryRepository(MongoDatabase database) {
        this.categories = database.getCollection(COLLECTION, FeeReductionCategoryDocument.class);
    }

    public List<FeeReductionCategoryDocument> findAll() {
        return categories.find().sort(Sorts.ascending("order", "_id")).limit(200).into(new ArrayList<>());
    }

    public Optional<FeeReductionCategoryDocument> findByCode(String code) {
        return Optional.ofNullable(categories.find(eq("_id", code)).first());
    }

    /** Adds the category unless one with the code exists (built-ins at start-up never overwrite ADMIN's rates). */
    public boolean insertIfAbsent(FeeReductionCategoryDocument category) {
        try {
            MongoErrors.translate(() -> categories.insertOne(category));
            return true;
        } catch (org.baeum.base.mongo.DuplicateKeyException e) {
            return false;
        }
    }

    public void save(FeeReductionCategoryDocument category) {
        categories.replaceOne(eq("_id", category.code()), category, new ReplaceOptions().upsert(true));
    }
}
