package org.baeum.account;

/**
 * Where a citizen lives: one of Seoul's 25 autonomous districts (자치구), or outside Seoul. Resident priority in
 * recruitment rounds uses it. Translated as {@code district.<NAME>}.
 */
public enum District {
    JONGNO, JUNG, YONGSAN, SEONGDONG, GWANGJIN, DONGDAEMUN, JUNGNANG, SEONGBUK, GANGBUK, DOBONG, NOWON, EUNPYEONG,
    SEODAEMUN, MAPO, YANGCHEON, GANGSEO, GURO, GEUMCHEON, YEONGDEUNGPO, DONGJAK, GWANAK, SEOCHO, GANGNAM, SONGPA,
    GANGDONG, OUTSIDE_SEOUL;

    public String messageKey() {
        return "district." + name();
    }

    public boolean inSeoul() {
        return this != OUTSIDE_SEOUL;
    }
}
