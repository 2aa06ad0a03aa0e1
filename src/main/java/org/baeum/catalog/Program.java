package org.baeum.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is offered (강좌/프로그램), independent of any term: its texts, domain, audience, kind, age limits,
 * branch, instructors, fee (KRW), whether fee reductions apply, format and accessibility, and its place in the
 * national classification ({@code null} for programs saved before it existed), and what a learner brings to class
 * (준비물; {@code null}: nothing to bring, as for programs saved before it existed).
 */
public record Program(ProgramId id, String titleKo, String titleEn, String descriptionKo, String descriptionEn,
                      PolicyDomain domain, Audience audience, ProgramKind kind, Integer minAge, Integer maxAge,
                      BranchId branchId, List<Instructor> instructors, long fee, boolean feeReductionsApply,
                      DeliveryFormat format, Set<AccessibilityFeature> accessibility, String accessibilityNoteKo,
                      String accessibilityNoteEn, Classification classification, String whatToBringKo,
                      String whatToBringEn) {

    /** The longest "what to bring" text, in characters (each language). */
    public static final int WHAT_TO_BRING_MAX = 300;

    /** A program with nothing to bring. */
    public Program(ProgramId id, String titleKo, String titleEn, String descriptionKo, String descriptionEn,
                   PolicyDomain domain, Audience audience, ProgramKind kind, Integer minAge, Integer maxAge,
                   BranchId branchId, List<Instructor> instructors, long fee, boolean feeReductionsApply,
                   DeliveryFormat format, Set<AccessibilityFeature> accessibility, String accessibilityNoteKo,
                   String accessibilityNoteEn, Classification classification) {
        this(id, titleKo, titleEn, descriptionKo, descriptionEn, domain, audience, kind, minAge, maxAge, branchId,
                instructors, fee, feeReductionsApply, format, accessibility, accessibilityNoteKo, accessibilityNoteEn,
                classification, null, null);
    }

    public Program {
        instructors = instructors == null ? List.of() : List.copyOf(instructors);
        accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null && !titleEn.isBlank() ? titleEn : titleKo;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && descriptionEn != null && !descriptionEn.isBlank()
                ? descriptionEn : descriptionKo;
    }

    /** What to bring in the locale's language (Korean when there is no English text); empty: nothing to bring. */
    public java.util.Optional<String> whatToBring(Locale locale) {
        String text = "en".equals(locale.getLanguage()) && whatToBringEn != null && !whatToBringEn.isBlank()
                ? whatToBringEn : whatToBringKo;
        return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text.strip());
    }

    /** 유아: under 7; 어린이·청소년: 7 to 18; 성인: 19 and older (만 나이 on the first session day). */
    public static final int CHILD_FROM = 7;
    public static final int ADULT_FROM = 19;

    /**
     * Whether a participant of this age (on the first session day) may take the program: its own age limits when it
     * has them, else those of its audience. Sports classes are for every age unless limited.
     */
    public boolean admitsAge(int age) {
        if (minAge != null || maxAge != null) {
            return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
        }
        return switch (audience) {
            case INFANT -> age < CHILD_FROM;
            case YOUTH_CHILDREN -> age >= CHILD_FROM && age < ADULT_FROM;
            case ADULT -> age >= ADULT_FROM;
            case SPORTS -> true;
        };
    }
}
