package org.baeum.base.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Money in KRW and times in Asia/Seoul, written the way each language expects. */
public final class Formats {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(SEOUL);

    private Formats() {
    }

    /** 12,000원 in Korean, ₩12,000 in English. */
    public static String won(long amount, Locale locale) {
        String digits = NumberFormat.getIntegerInstance(Locale.KOREA).format(amount);
        return Locales.supported(locale).equals(Locales.KOREAN) ? digits + "원" : "₩" + digits;
    }

    /** 2026. 11. 22. (일) in Korean, Sun, Nov 22, 2026 in English. */
    public static String date(LocalDate date, Locale locale) {
        Locale lang = Locales.supported(locale);
        String pattern = lang.equals(Locales.KOREAN) ? "yyyy. M. d. (E)" : "EEE, MMM d, yyyy";
        return DateTimeFormatter.ofPattern(pattern, lang).format(date);
    }

    public static String dateTime(Instant instant, Locale locale) {
        Locale lang = Locales.supported(locale);
        String pattern = lang.equals(Locales.KOREAN) ? "yyyy. M. d. (E) HH:mm" : "EEE, MMM d, yyyy HH:mm";
        return DateTimeFormatter.ofPattern(pattern, lang).withZone(SEOUL).format(instant);
    }

    /** 2026-11-22 14:05:09 in Asia/Seoul, the same in every language: for logs and exports, where seconds matter. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    public static String shortDateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Locales.supported(locale))
                .withZone(SEOUL).format(instant);
    }
}
