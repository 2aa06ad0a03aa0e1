package org.baeum.survey.results;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Survey results (decision 0052): response rate, distribution and mean per item, the satisfied-or-better share and
 * free texts, per survey, class, program, instructor, branch and term.
 * <ul>
 *   <li>STAFF and ADMIN see every figure of every group, open surveys too; free texts of a group under
 *   {@link Results#MIN_ANSWERS} answers are left out for them as well ({@link GroupResult#forStaff()}).</li>
 *   <li>An instructor sees only classes they teach (their account among the program's instructors), only after the
 *   survey closes, and nothing of a class under {@link Results#MIN_ANSWERS} answers
 *   ({@link GroupResult#forInstructor()}).</li>
 * </ul>
 */
@Service
public class SurveyResults {

    private static final Logger log = LoggerFactory.getLogger(SurveyResults.class);
    static final String STAFF_OR_ADMIN = "hasAnyRole('STAFF','ADMIN')";
    /** How far back an instructor's results reach: classes that ended in the last three years. */
    static final int INSTRUCTOR_YEARS = 3;

    private final ResultData data;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    SurveyResults(ResultData data, CatalogService catalog, CurrentUser currentUser, Messages messages, Clock clock) {
        this.data = data;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * One survey's results, whole and per class, as STAFF see them.
     *
     * @throws NoSuchSurveyException when no survey has the id
     */
    @PreAuthorize(STAFF_OR_ADMIN)
    public SurveyResultsView survey(SurveyId id, Locale locale) {
        Survey s = data.survey(id.value()).orElseThrow(() -> new NoSuchSurveyException(id.value()));
        ResultData.Facts facts = data.facts(locale);
        Aggregation total = new Aggregation(ResultData.questions(s, locale));
        List<GroupResult> offerings = new ArrayList<>();
        data.perOffering(s, locale).forEach((offering, a) -> {
            total.addAll(a);
            OfferingFacts f = facts.of(offering);
            offerings.add(a.result(offering, f.title() + " · " + f.termName()).forStaff());
        });
        offerings.sort(Comparator.comparing(GroupResult::label));
        log.info("Account {} read the results of survey {}", currentUser.require().accountId(), id.value());
        return new SurveyResultsView(s.id().value(), s.title(locale), s.opensAt(), s.closesAt(),
                s.closedAt(clock.instant()), total.result(s.id().value(), s.title(locale)).forStaff(), offerings);
    }

    /** The surveys, the latest to close first, for the STAFF page's choice: id and title. */
    @PreAuthorize(STAFF_OR_ADMIN)
    public Map<String, String> surveys(Locale locale) {
        Map<String, String> all = new LinkedHashMap<>();
        data.surveys().forEach(s -> all.put(s.id().value(), s.title(locale) + " (" + Formats.date(
                LocalDate.ofInstant(s.closesAt(), Formats.SEOUL), locale) + ")"));
        return all;
    }

    /** The classes of a survey (id → title and term), for the STAFF page's class filter; empty for an unknown survey. */
    @PreAuthorize(STAFF_OR_ADMIN)
    public Map<String, String> classesOf(String surveyId, Locale locale) {
        Map<String, String> classes = new LinkedHashMap<>();
        data.survey(surveyId).ifPresent(s -> {
            ResultData.Facts facts = data.facts(locale);
            s.offerings().forEach(o -> {
                OfferingFacts f = facts.of(o.value());
                classes.put(o.value(), f.title() + " · " + f.termName());
            });
        });
        return classes;
    }

    /**
     * The answers the filter selects (one survey or all, pooled item by item), in groups, as STAFF see them.
     *
     * @throws NoSuchSurveyException when the filter names a survey that does not exist
     */
    @PreAuthorize(STAFF_OR_ADMIN)
    public StaffResults staff(ResultsFilter filter, ResultGrouping by, Locale locale) {
        List<Survey> surveys = filter.survey() == null ? data.surveys()
                : List.of(data.survey(filter.survey()).orElseThrow(() -> new NoSuchSurveyException(filter.survey())));
        ResultData.Facts facts = data.facts(locale);
        Aggregation total = new Aggregation(List.of());
        Map<String, Aggregation> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Survey s : surveys) {
            data.perOffering(s, locale).forEach((offering, a) -> {
                OfferingFacts f = facts.of(offering);
                if (!filter.matches(f)) {
                    return;
                }
                total.addAll(a);
                for (ResultGrouping.Key key : by.keysOf(f)) {
                    groups.computeIfAbsent(key.key(), k -> new Aggregation(List.of())).addAll(a);
                    labels.putIfAbsent(key.key(), key.label());
                }
            });
        }
        List<GroupResult> results = new ArrayList<>();
        groups.forEach((key, a) -> results.add(a.result(key, labels.get(key)).forStaff()));
        results.sort(Comparator.comparing(GroupResult::label));
        log.info("Account {} read survey results by {} ({} surveys, {} groups)", currentUser.require().accountId(), by,
                surveys.size(), results.size());
        return new StaffResults(total.result("all", messages.get("surveyResults.all", locale)).forStaff(), results);
    }

    /**
     * The calling instructor's classes in every survey: results of closed surveys as the instructor may see them,
     * open ones waiting for their close.
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public InstructorResults mine(Locale locale) {
        String me = currentUser.require().accountId();
        Instant now = clock.instant();
        List<Offering> taught = catalog.taughtByMe(LocalDate.now(clock.withZone(Formats.SEOUL)).minusYears(INSTRUCTOR_YEARS));
        Set<String> mine = new HashSet<>();
        taught.forEach(o -> mine.add(o.id().value()));
        ResultData.Facts facts = data.facts(locale);
        facts.know(taught);
        List<ClassResult> classes = new ArrayList<>();
        Aggregation pooled = new Aggregation(List.of());
        for (Survey s : data.surveys()) {
            Set<String> here = new HashSet<>();
            s.offerings().stream().map(OfferingId::value).filter(mine::contains).forEach(here::add);
            if (here.isEmpty()) {
                continue;
            }
            if (!s.closedAt(now)) {
                here.forEach(o -> classes.add(new ClassResult(s.id().value(), s.title(locale), s.closesAt(), o,
                        facts.of(o).title(), null)));
                continue;
            }
            data.perOffering(s, here, locale).forEach((o, a) -> {
                GroupResult seen = a.result(o, facts.of(o).title()).forInstructor();
                if (!seen.hidden()) {
                    pooled.addAll(a);
                }
                classes.add(new ClassResult(s.id().value(), s.title(locale), s.closesAt(), o, seen.label(), seen));
            });
        }
        log.info("Instructor {} read the results of their classes ({} classes)", me, classes.size());
        return new InstructorResults(classes, pooled.result(me, messages.get("surveyResults.allMyClasses", locale))
                .forInstructor());
    }

    /**
     * One class's result in one survey for its instructor.
     *
     * @throws NoSuchSurveyException when there is no such survey, or the class is not one of its classes
     * @throws AccessDeniedException when the caller does not teach the class
     * @throws SurveyStillOpenException when the survey still takes answers
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public ClassResult myClass(SurveyId id, OfferingId offering, Locale locale) {
        String me = currentUser.require().accountId();
        Survey s = data.survey(id.value()).filter(x -> x.offerings().contains(offering))
                .orElseThrow(() -> new NoSuchSurveyException(id.value()));
        OfferingFacts f = data.facts(locale).of(offering.value());
        if (!f.taughtBy(me)) {
            log.warn("Instructor {} was refused the survey results of {}, which they do not teach", me, offering.value());
            throw new AccessDeniedException("Not your class");
        }
        if (!s.closedAt(clock.instant())) {
            throw new SurveyStillOpenException(id.value(), s.closesAt());
        }
        Aggregation a = data.perOffering(s, Set.of(offering.value()), locale).get(offering.value());
        log.info("Instructor {} read the results of survey {} for {}", me, id.value(), offering.value());
        return new ClassResult(s.id().value(), s.title(locale), s.closesAt(), offering.value(), f.title(),
                a.result(offering.value(), f.title()).forInstructor());
    }

    /**
     * Every survey's invitations and answers of some classes, one aggregation per class (surveys pooled item by item),
     * for the reporting section: the caller decides what to show (figures only).
     */
    @PreAuthorize(STAFF_OR_ADMIN)
    public Map<String, Aggregation> byOffering(Collection<String> offeringIds, Locale locale) {
        Set<String> wanted = Set.copyOf(offeringIds);
        Map<String, Aggregation> by = new LinkedHashMap<>();
        for (Survey s : data.surveys()) {
            if (s.offerings().stream().noneMatch(o -> wanted.contains(o.value()))) {
                continue;
            }
            data.perOffering(s, locale).forEach((o, a) -> { // one read of the survey's answers
                if (wanted.contains(o)) {
                    by.computeIfAbsent(o, k -> new Aggregation(List.of())).addAll(a);
                }
            });
        }
        return by;
    }
}
