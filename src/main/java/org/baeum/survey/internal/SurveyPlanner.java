package org.baeum.survey.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.TermId;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyTiming;
import org.springframework.stereotype.Component;

/**
 * Which offerings a survey goes to and when each one's invitations go out: the due items of {@code survey_dispatch}.
 * Called by {@code Surveys.define} after it checked its caller (STAFF/ADMIN).
 */
@Component
public class SurveyPlanner {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final CatalogService catalog;
    private final DispatchRepository dispatch;

    SurveyPlanner(CatalogService catalog, DispatchRepository dispatch) {
        this.catalog = catalog;
        this.dispatch = dispatch;
    }

    /** The published offerings of a term (every page). */
    public List<OfferingId> offeringsOfTerm(TermId term) {
        List<OfferingId> found = new ArrayList<>();
        for (int page = 0; page <= CatalogQuery.lastPage(CatalogQuery.MAX_SIZE); page++) {
            List<Offering> items = catalog.searchForStaff(new CatalogQuery(null, null, null, null, null, null, term,
                    null, null, null, false, null, page, CatalogQuery.MAX_SIZE)).items();
            items.stream().filter(o -> o.publication() == Publication.PUBLISHED).forEach(o -> found.add(o.id()));
            if (items.size() < CatalogQuery.MAX_SIZE) {
                break;
            }
        }
        return found;
    }

    /** Adds a due item for each of the survey's offerings whose invitations can go out before the close. */
    public int schedule(Survey survey) {
        int scheduled = 0;
        for (OfferingId id : survey.offerings()) {
            Optional<Instant> at = catalog.offering(id).flatMap(o -> sendAt(survey, o));
            if (at.isPresent()) {
                dispatch.schedule(survey.id().value(), id.value(), at.get());
                scheduled++;
            }
        }
        return scheduled;
    }

    /**
     * When the offering's invitations go out: the end of its last (END_OF_CLASS) or middle (MID_COURSE) session day,
     * or {@code opensAt} (FIXED), never before {@code opensAt}; empty when that is not before the close, or the
     * offering has no session days for a timing that needs them.
     */
    public static Optional<Instant> sendAt(Survey survey, Offering o) {
        Instant at = survey.opensAt();
        List<LocalDate> days = o.sessionDates();
        if (survey.timing() != SurveyTiming.FIXED) {
            if (days.isEmpty()) {
                return Optional.empty();
            }
            LocalDate day = survey.timing() == SurveyTiming.END_OF_CLASS ? days.getLast() : days.get((days.size() - 1) / 2);
            Instant end = LocalDateTime.of(day, o.schedule().endTime()).atZone(SEOUL).toInstant();
            at = end.isAfter(at) ? end : at;
        }
        return at.isBefore(survey.closesAt()) ? Optional.of(at) : Optional.empty();
    }
}
