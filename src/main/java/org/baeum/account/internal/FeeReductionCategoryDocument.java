package org.baeum.account.internal;

import org.bson.codecs.pojo.annotations.BsonId;

/** One document of {@code fee_reduction_categories}; {@code _id} is the category code. */
public record FeeReductionCategoryDocument(@BsonId String code, String nameKo, String nameEn, int ratePercent,
                                           boolean declarable, boolean active, int order) {
}
