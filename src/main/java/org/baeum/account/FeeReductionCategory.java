package org.baeum.account;

/**
 * A fee-reduction category (수강료 감면 대상) and its rate. Built-in: basic-livelihood recipients, national-merit
 * recipients, disabled citizens and the elderly (derived from the birth date, never declared); ADMIN adds others
 * and sets every rate.
 *
 * @param ratePercent 0–100: the share of the fee waived
 * @param declarable  whether citizens declare it (false for the elderly, which the birth date decides)
 */
public record FeeReductionCategory(String code, String nameKo, String nameEn, int ratePercent, boolean declarable,
                                   boolean active, int order) {

    public static final String ELDERLY = "ELDERLY";

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameKo;
    }
}
