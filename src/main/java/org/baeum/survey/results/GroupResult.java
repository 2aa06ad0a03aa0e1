package org.baeum.survey.results;

import java.util.List;

/**
 * The results of one group (an offering, a program, an instructor's classes, a branch, a term, a whole survey):
 * invitations, answers, the response rate (percent, one decimal) and each question's results.
 *
 * <p>{@code hidden} is true when the group has fewer than {@link Results#MIN_ANSWERS} answers and the reader is an
 * instructor: then {@code items} is empty. {@code textsHidden} is true when the free texts were left out (a group under
 * {@link Results#MIN_ANSWERS} answers, for every reader).
 */
public record GroupResult(String key, String label, long invited, long answered, Double responseRate,
                          List<ItemResult> items, boolean hidden, boolean textsHidden) {

    public GroupResult {
        items = List.copyOf(items);
    }

    /** What STAFF and ADMIN see: every figure; free texts only from a group of at least five answers. */
    public GroupResult forStaff() {
        if (Results.largeEnough(answered)) {
            return this;
        }
        return new GroupResult(key, label, invited, answered, responseRate,
                items.stream().map(ItemResult::withoutTexts).toList(), false, true);
    }

    /** What an instructor sees of their own class: nothing but the counts under five answers. */
    public GroupResult forInstructor() {
        if (Results.largeEnough(answered)) {
            return this;
        }
        return new GroupResult(key, label, invited, answered, responseRate, List.of(), true, true);
    }

    /** The item of that id, if the group has it. */
    public java.util.Optional<ItemResult> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
