package org.baeum.attendance.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.completion.HouseholdCompletions;
import org.baeum.attendance.completion.HouseholdCompletion;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Term;
import org.baeum.enrollment.Enrollment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The learning history (학습 이력) of a citizen's household: per participant (self and dependants), the programs they
 * completed with the term, hours, completion day and certificate code, and their total hours. Only the caller's own
 * household: {@link HouseholdCompletions#ofMyHousehold()} reads the caller's enrolments alone.
 */
@Service
public class Transcripts {

    private final HouseholdCompletions completions;
    private final CatalogService catalog;

    Transcripts(HouseholdCompletions completions, CatalogService catalog) {
        this.completions = completions;
        this.catalog = catalog;
    }

    /** The caller's household's completed programs, grouped per participant (in name order), newest first. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<ParticipantTranscript> mine() {
        List<HouseholdCompletion> done = completions.ofMyHousehold();
        if (done.isEmpty()) {
            return List.of();
        }
        List<Term> terms = catalog.terms();
        Map<ParticipantId, List<TranscriptItem>> byParticipant = new LinkedHashMap<>();
        Map<ParticipantId, String> names = new LinkedHashMap<>();
        for (HouseholdCompletion c : done) {
            Enrollment e = c.enrollment();
            Optional<Term> term = catalog.offering(e.offering()).map(Offering::termId)
                    .flatMap(id -> terms.stream().filter(t -> t.id().equals(id)).findFirst());
            names.putIfAbsent(e.participant(), e.participantName());
            byParticipant.computeIfAbsent(e.participant(), p -> new ArrayList<>()).add(new TranscriptItem(
                    e.participant(), e.participantName(), e.offeringTitleKo(), e.offeringTitleEn(),
                    term.map(Term::nameKo).orElse(""), term.map(Term::nameEn).orElse(""), c.hours(), c.sessions(),
                    c.completedOn(), c.certificateCode()));
        }
        return byParticipant.entrySet().stream()
                .map(en -> new ParticipantTranscript(en.getKey(), names.get(en.getKey()), en.getValue().stream()
                        .sorted(Comparator.comparing(TranscriptItem::completedOn).reversed()).toList()))
                .sorted(Comparator.comparing(ParticipantTranscript::name))
                .toList();
    }
}
