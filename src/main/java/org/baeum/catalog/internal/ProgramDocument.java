package org.baeum.catalog.internal;

import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import java.time.Instant;
import java.util.List;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code programs}; ages 0 and 200 mean "no limit"; no area: not classified yet; no
 * {@code whatToBringKo/En} (documents from before 준비물 too): nothing to bring.
 */
public record ProgramDocument(@BsonId String id, String titleKo, String titleEn, String descriptionKo,
                              String descriptionEn, PolicyDomain domain, Audience audience, ProgramKind kind,
                              int minAge, int maxAge, String branchId, List<String> instructorIds,
                              List<String> instructorNames, long fee, boolean feeReductionsApply,
                              DeliveryFormat format, List<AccessibilityFeature> accessibility,
                              String accessibilityNoteKo, String accessibilityNoteEn, Instant updatedAt,
                              LearningArea area, LearningSubcategory subcategory, String whatToBringKo,
                              String whatToBringEn) {
}
