package org.baeum.catalog;

import java.util.List;
import java.util.Set;

/**
 * What staff enter for a program; {@code id} null for a new one; {@code whatToBringKo/En} blank or null: nothing to
 * bring. Checked by {@link CatalogService#saveProgram}.
 */
public record ProgramDraft(ProgramId id, String titleKo, String titleEn, String descriptionKo, String descriptionEn,
                           PolicyDomain domain, Audience audience, ProgramKind kind, Integer minAge, Integer maxAge,
                           BranchId branchId, List<Instructor> instructors, Long fee, boolean feeReductionsApply,
                           DeliveryFormat format, Set<AccessibilityFeature> accessibility,
                           String accessibilityNoteKo, String accessibilityNoteEn,
                           Classification classification, String whatToBringKo, String whatToBringEn) {

    /** A draft with nothing to bring. */
    public ProgramDraft(ProgramId id, String titleKo, String titleEn, String descriptionKo, String descriptionEn,
                        PolicyDomain domain, Audience audience, ProgramKind kind, Integer minAge, Integer maxAge,
                        BranchId branchId, List<Instructor> instructors, Long fee, boolean feeReductionsApply,
                        DeliveryFormat format, Set<AccessibilityFeature> accessibility,
                        String accessibilityNoteKo, String accessibilityNoteEn, Classification classification) {
        this(id, titleKo, titleEn, descriptionKo, descriptionEn, domain, audience, kind, minAge, maxAge, branchId,
                instructors, fee, feeReductionsApply, format, accessibility, accessibilityNoteKo, accessibilityNoteEn,
                classification, null, null);
    }

    public ProgramDraft {
        instructors = instructors == null ? List.of() : List.copyOf(instructors);
        accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
    }

    public static ProgramDraft of(Program p) {
        return new ProgramDraft(p.id(), p.titleKo(), p.titleEn(), p.descriptionKo(), p.descriptionEn(), p.domain(),
                p.audience(), p.kind(), p.minAge(), p.maxAge(), p.branchId(), p.instructors(), p.fee(),
                p.feeReductionsApply(), p.format(), p.accessibility(), p.accessibilityNoteKo(), p.accessibilityNoteEn(),
                p.classification(), p.whatToBringKo(), p.whatToBringEn());
    }
}
