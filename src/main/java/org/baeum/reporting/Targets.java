package org.baeum.reporting;

import java.util.ArrayList;
import java.util.List;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.reporting.internal.TargetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The yearly targets the report "targets" measures results against: ADMIN sets and deletes them, STAFF reads. */
@Service
public class Targets {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final long MAX_VALUE = 100_000_000L;
    private static final Logger log = LoggerFactory.getLogger(Targets.class);

    private final TargetRepository repository;
    private final CurrentUser currentUser;

    Targets(TargetRepository repository, CurrentUser currentUser) {
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The targets of a year, by line, key and measure. */
    @PreAuthorize(Reports.STAFF_OR_ADMIN)
    public List<Target> ofYear(int year) {
        return repository.ofYear(year);
    }

    /**
     * Sets a target, replacing the one of the same year, line, key and measure.
     *
     * @throws InvalidInputException per field ({@code year}, {@code line}, {@code key}, {@code measure}, {@code value});
     *                               nothing is stored then
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Target save(Target target) {
        List<FieldProblem> problems = new ArrayList<>();
        if (target.year() < FIRST_YEAR || target.year() > LAST_YEAR) {
            problems.add(FieldProblem.of("year", "report.target.invalid.year", FIRST_YEAR, LAST_YEAR));
        }
        if (target.line() == null) {
            problems.add(FieldProblem.of("line", "report.target.invalid.line"));
        } else if (target.key() == null || !target.line().keys().contains(target.key())) {
            problems.add(FieldProblem.of("key", "report.target.invalid.key"));
        }
        if (target.measure() != ColumnKind.PEOPLE && target.measure() != ColumnKind.PERSON_SESSIONS) {
            problems.add(FieldProblem.of("measure", "report.target.invalid.measure"));
        }
        if (target.value() < 1 || target.value() > MAX_VALUE) {
            problems.add(FieldProblem.of("value", "report.target.invalid.value", MAX_VALUE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.upsert(target);
        log.info("Report target {} {} {} {} set to {} by {}", target.year(), target.line(), target.key(),
                target.measure(), target.value(), currentUser.require().accountId());
        return target;
    }

    /** Deletes a target; {@code false} when there was none. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean delete(int year, TargetLine line, String key, ColumnKind measure) {
        boolean deleted = repository.delete(year, line, key, measure);
        if (deleted) {
            log.info("Report target {} {} {} {} deleted by {}", year, line, key, measure, currentUser.require().accountId());
        }
        return deleted;
    }
}
