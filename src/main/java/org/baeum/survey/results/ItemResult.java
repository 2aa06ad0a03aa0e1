package org.baeum.survey.results;

import java.util.List;

/**
 * One question's results in a group. A scale item has its points ({@code scale}) and their labels, the number of
 * answers, how many chose each point (lowest first) and, when {@code rated}, the mean and the share on the top two
 * points (percent, one decimal; both {@code null} for a choice such as the age band); a free-text question has the
 * number of texts and the texts, sorted (the order of answering is not kept), or none when they are hidden.
 */
public record ItemResult(String id, String text, ResultQuestion.Kind type, Integer scale, boolean rated,
                         List<String> labels, long count, List<Long> distribution, Double mean, Double satisfiedShare,
                         List<String> texts) {

    public ItemResult {
        labels = labels == null ? List.of() : List.copyOf(labels);
        distribution = distribution == null ? List.of() : List.copyOf(distribution);
        texts = texts == null ? List.of() : List.copyOf(texts);
    }

    /** The same item without its texts (free texts hidden, figures kept). */
    ItemResult withoutTexts() {
        return new ItemResult(id, text, type, scale, rated, labels, count, distribution, mean, satisfiedShare, List.of());
    }
}
