package org.baeum.catalog.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.catalog.OfferingDraft;

/**
 * The template's sheets and columns: a Korean heading over the English key (what the reader matches), and which
 * draft field each column fills, so that a problem of {@code CatalogService} names the column staff typed in.
 */
public final class ImportColumns {

    public static final String PROGRAMS = "강좌";
    public static final String OFFERINGS = "개설";
    public static final String CODES = "코드";

    /** The programs' columns, key → Korean heading; every one is required in the header. */
    static final Map<String, String> PROGRAM = new LinkedHashMap<>();
    /** The offerings' columns; the phase columns after the first phase's are optional in the header. */
    static final Map<String, String> OFFERING = new LinkedHashMap<>();

    static {
        String[][] program = {{"code", "강좌 코드"}, {"titleKo", "강좌명"}, {"titleEn", "강좌명(영문)"},
                {"descriptionKo", "소개"}, {"descriptionEn", "소개(영문)"}, {"branchId", "기관"},
                {"domain", "정책 영역"}, {"area", "평생교육 영역"}, {"subcategory", "세부 분류"}, {"audience", "대상"},
                {"kind", "종류"}, {"format", "운영 방식"}, {"minAge", "최소 나이"}, {"maxAge", "최대 나이"},
                {"fee", "수강료(원)"}, {"feeReductionsApply", "감면 적용(Y/N)"}, {"accessibility", "접근성"},
                {"accessibilityNoteKo", "접근성 안내"}, {"accessibilityNoteEn", "접근성 안내(영문)"},
                {"instructors", "강사 계정 ID"}};
        for (String[] c : program) {
            PROGRAM.put(c[0], c[1]);
        }
        String[][] offering = {{"code", "개설 코드"}, {"programCode", "강좌 코드"}, {"termId", "학기"},
                {"weekdays", "요일"}, {"startTime", "시작 시각"}, {"endTime", "종료 시각"}, {"firstDate", "첫 날"},
                {"lastDate", "마지막 날"}, {"roomId", "강의실"}, {"capacity", "정원"}};
        for (String[] c : offering) {
            OFFERING.put(c[0], c[1]);
        }
        for (int i = 1; i <= OfferingDraft.MAX_PHASES; i++) {
            OFFERING.put(phase(i, "Opens"), i + "차 모집 시작");
            OFFERING.put(phase(i, "Closes"), i + "차 모집 마감");
            OFFERING.put(phase(i, "Method"), i + "차 모집 방법");
        }
    }

    private ImportColumns() {
    }

    /** The key of phase {@code number}'s (from 1) column {@code part} (Opens, Closes, Method). */
    static String phase(int number, String part) {
        return "phase" + number + part;
    }

    /** The keys a sheet's header must have. */
    static List<String> required(String sheet) {
        if (sheet.equals(PROGRAMS)) {
            return List.copyOf(PROGRAM.keySet());
        }
        List<String> keys = new ArrayList<>();
        for (String key : OFFERING.keySet()) {
            if (!key.startsWith("phase") || key.startsWith("phase1")) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The column of a draft's field: {@code programId} → {@code programCode}, {@code phase.0.opens} → {@code phase1Opens}. */
    static String column(String field) {
        if (field.equals("programId")) {
            return "programCode";
        }
        if (field.equals("id")) {
            return "code";
        }
        if (field.equals("phases")) {
            return phase(1, "Opens");
        }
        if (field.startsWith("phase.")) {
            String[] parts = field.split("\\.");
            return phase(Integer.parseInt(parts[1]) + 1,
                    Character.toUpperCase(parts[2].charAt(0)) + parts[2].substring(1));
        }
        return field;
    }

    /** The Korean heading of a column, for messages ("강의실 (roomId)"). */
    public static String heading(String sheet, String key) {
        String ko = (PROGRAMS.equals(sheet) ? PROGRAM : OFFERING).get(key);
        return ko == null ? key : ko + " (" + key + ")";
    }
}
