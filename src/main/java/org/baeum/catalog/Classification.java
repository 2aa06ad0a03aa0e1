package org.baeum.catalog;

import java.util.ArrayList;
import java.util.List;
import org.baeum.base.domain.FieldProblem;

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

    /**
     * What is wrong with an area and sub-category as staff entered them, at their fields {@code area} and
     * {@code subcategory}: an area is required, and a sub-category must be one of the area's. Empty when
     * {@code new Classification(area, subcategory)} may be made.
     */
    public static List<FieldProblem> problems(LearningArea area, LearningSubcategory subcategory) {
        List<FieldProblem> problems = new ArrayList<>();
        if (area == null) {
            problems.add(FieldProblem.of("area", "catalog.validation.areaRequired"));
        } else if (subcategory != null && subcategory.area() != area) {
            problems.add(FieldProblem.of("subcategory", "catalog.validation.subcategoryOtherArea"));
        }
        return problems;
    }

    public static Classification of(LearningSubcategory subcategory) {
        return new Classification(subcategory.area(), subcategory);
    }

    public static Classification of(LearningArea area) {
        return new Classification(area, null);
    }
}
