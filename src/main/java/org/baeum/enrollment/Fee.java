package org.baeum.enrollment;

/**
 * What a participant pays for an offering: the offering's fee less the best verified reduction, in KRW.
 *
 * @param base             the offering's fee
 * @param reductionCode    the category applied (e.g. {@code ELDERLY}), or {@code null}
 * @param reductionPercent its rate, 0 when none
 * @param amount           what is owed: {@code base × (100 − rate) / 100}, rounded down to 10 KRW (10원 미만 절사)
 */
public record Fee(long base, String reductionCode, String reductionNameKo, String reductionNameEn, int reductionPercent,
                  long amount) {

    public static final Fee FREE = new Fee(0, null, null, null, 0, 0);

    public Fee {
        if (base < 0 || amount < 0 || amount > base || reductionPercent < 0 || reductionPercent > 100) {
            throw new IllegalArgumentException("Impossible fee " + base + " / " + reductionPercent + "% / " + amount);
        }
    }

    /** The fee with no reduction. */
    public static Fee full(long base) {
        return new Fee(base, null, null, null, 0, base);
    }

    /** The fee with a reduction of {@code percent} (0–100), rounded down to 10 KRW. */
    public static Fee reduced(long base, String code, String nameKo, String nameEn, int percent) {
        if (percent <= 0) {
            return full(base);
        }
        return new Fee(base, code, nameKo, nameEn, percent, roundDown10(Math.multiplyExact(base, 100 - percent) / 100));
    }

    public String reductionName(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && reductionNameEn != null ? reductionNameEn : reductionNameKo;
    }

    static long roundDown10(long won) {
        return won / 10 * 10;
    }
}
