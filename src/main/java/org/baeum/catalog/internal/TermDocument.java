package org.baeum.catalog.internal;

import java.time.LocalDate;
import org.baeum.catalog.TermType;
import org.bson.codecs.pojo.annotations.BsonId;

/** One document of {@code terms}. */
public record TermDocument(@BsonId String id, String nameKo, String nameEn, TermType type, LocalDate startDate,
                           LocalDate endDate) {
}
