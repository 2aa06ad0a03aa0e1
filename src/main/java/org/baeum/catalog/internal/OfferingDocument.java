package org.baeum.catalog.internal;

import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.Publication;
import org.baeum.catalog.RecruitmentMethod;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code offerings}. The program's fields are copied in (a query never joins), and the
 * fields that filters and sorts use are stored ready to compare: {@code searchText} (lower-case titles and
 * instructor names), {@code weekdays} (1 = Monday), {@code startMinute}, {@code seatsLeft}, {@code minAge}
 * 0 and {@code maxAge} 200 when there is no limit.
 * <p>
 * Recruitment (decision 0024): {@code recruitmentPhases} in order; {@code recruitmentOpensAt} and
 * {@code recruitmentClosesAt} are the whole window (first opening, last closing), kept for queries, sorting and the
 * seat ledger. {@code recruitmentMethod} is the first phase's method, written only so that an instance of the
 * previous version, still running during a rolling replacement, reads a valid one-window offering; this version reads
 * it only when {@code recruitmentPhases} is missing (a document from before phases, see
 * {@link RecruitmentPhasesMigration}). Never use it to decide anything: it can be removed once no such instance runs.
 * <p>
 * {@code whatToBringKo/En} (준비물) are copied from the program; missing in documents from before them: nothing to bring.
 */
public record OfferingDocument(
        @BsonId String id,
        String programId,
        String termId,
        String branchId,
        String roomId,
        String titleKo,
        String titleEn,
        String descriptionKo,
        String descriptionEn,
        String searchText,
        PolicyDomain domain,
        Audience audience,
        ProgramKind kind,
        DeliveryFormat format,
        int minAge,
        int maxAge,
        long fee,
        boolean feeReductionsApply,
        List<AccessibilityFeature> accessibility,
        String accessibilityNoteKo,
        String accessibilityNoteEn,
        List<String> instructorIds,
        List<String> instructorNames,
        List<Integer> weekdays,
        String startTime,
        String endTime,
        int startMinute,
        int endMinute,
        LocalDate firstDate,
        LocalDate lastDate,
        List<LocalDate> sessionDates,
        int capacity,
        int seatsTaken,
        int seatsLeft,
        int waitlistLength,
        Publication publication,
        Instant recruitmentOpensAt,
        Instant recruitmentClosesAt,
        RecruitmentMethod recruitmentMethod,
        List<PhaseDocument> recruitmentPhases,
        Instant updatedAt,
        LearningArea area,
        LearningSubcategory subcategory,
        String whatToBringKo,
        String whatToBringEn) {

    /** One recruitment phase, an element of {@code recruitmentPhases}. */
    public record PhaseDocument(Instant opensAt, Instant closesAt, RecruitmentMethod method) {
    }
}
