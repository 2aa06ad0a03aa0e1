package org.baeum.survey.results;

import java.util.List;

/**
 * The results an instructor sees: each class they teach in a survey (closed ones with their result, open ones
 * waiting), and their classes pooled ({@code allClasses}) over the closed classes with at least five answers only, so
 * that a hidden class cannot be worked out by subtracting the others from the pool.
 */
public record InstructorResults(List<ClassResult> classes, GroupResult allClasses) {

    public InstructorResults {
        classes = List.copyOf(classes);
    }
}
