package org.baeum.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is offered (강좌/프로그램), independent of any term: its texts, domain, audience, kind, age limits,
 * branch, instructors, fee (KRW), whether fee reductions apply, format and accessibility.
 */
public record Program(ProgramId id, String titleKo, String titleEn, String descriptionKo, String descriptionEn,
                      PolicyDomain domain, Audience audience, ProgramKind kind, Integer minAge, Integer maxAge,
                      BranchId branchId, List<Instructor> instructors, long fee, boolean feeReductionsApply,
                      DeliveryFormat format, Set<AccessibilityFeature> accessibility, String accessibilityNoteKo,
                      String accessibilityNoteEn) {

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
}
