package org.baeum.account;

/** A reduction that applies to a participant on a day: from an approved claim, or the elderly rule. */
public record FeeReduction(String category, String nameKo, String nameEn, int ratePercent) {
}
