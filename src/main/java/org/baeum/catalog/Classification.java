package org.baeum.catalog;

/**
 * Where a program sits in the national classification: one {@link LearningArea} and, when it has one, a
 * {@link LearningSubcategory} of that area. Programs saved before the classification existed have none
 * ({@code null} on the program); reports count them as unclassified.
 */
public record Classification(LearningArea area, LearningSubcategory subcategory) {

    public Classification {
        if (area == null && subcategory != null) {
            area = subcategory.area();
        }
        if (area == null) {
            throw new IllegalArgumentException("area is required");
        }
        if (subcategory != null && subcategory.area() != area) {
            throw new IllegalArgumentException(subcategory + " is not under " + area);
        }
    }

    public static Classification of(LearningSubcategory subcategory) {
        return new Classification(subcategory.area(), subcategory);
    }

    public static Classification of(LearningArea area) {
        return new Classification(area, null);
    }
}
