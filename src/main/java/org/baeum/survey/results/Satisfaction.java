package org.baeum.survey.results;

/**
 * A group's rated answers pooled over every satisfaction item: how many, how many on the top two points of their
 * scale, that share (percent, one decimal), and the mean as a score out of 100 (100점 환산: point 1 is 0 and the top
 * point 100, so four- and five-point scales add up). Shares and score are {@code null} without rated answers.
 */
public record Satisfaction(long ratedAnswers, long satisfied, Double satisfiedShare, Double score) {
}
