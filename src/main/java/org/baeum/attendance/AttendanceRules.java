package org.baeum.attendance;

import java.util.ArrayList;
import java.util.List;
import org.baeum.attendance.internal.AttendanceRulesRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.ProgramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The points each attendance status is worth, per program ({@link AttendancePoints#DEFAULTS} until STAFF set them).
 * STAFF and ADMIN read and set them by program; an offering's instructor reads those of the offering's program.
 */
@Service
public class AttendanceRules {

    private static final Logger log = LoggerFactory.getLogger(AttendanceRules.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final AttendanceRulesRepository rules;
    private final OfferingAccess access;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;

    AttendanceRules(AttendanceRulesRepository rules, OfferingAccess access, CatalogService catalog,
                    CurrentUser currentUser, Clock clock) {
        this.rules = rules;
        this.access = access;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The points of an offering's program, for its instructor or STAFF. */
    @PreAuthorize(Attendance.TEACHING)
    public AttendancePoints pointsFor(OfferingId offeringId) {
        return points(access.open(offeringId).offering().program().id());
    }

    /** The points of a program (the defaults when none were set). */
    @PreAuthorize(STAFF)
    public AttendancePoints pointsOf(ProgramId programId) {
        return points(programId);
    }

    /**
     * Sets a program's points; each between 0 and {@link AttendancePoints#MAX}, present (full marks) at least 1 and
     * late, excused and absent each at most present (otherwise a share could pass 100% or anyone complete).
     *
     * @throws InvalidInputException at {@code program} (unknown) or at the field out of range; nothing is stored then
     */
    @PreAuthorize(STAFF)
    public void setPoints(ProgramId programId, AttendancePoints points) {
        List<FieldProblem> problems = new ArrayList<>();
        if (programId == null || catalog.program(programId).isEmpty()) {
            problems.add(FieldProblem.of("program", "validation.unknown"));
        }
        if (points == null) {
            problems.add(FieldProblem.of("points", "validation.required"));
        } else {
            // present is full marks (CompletionCheck): at least 1, and no other status worth more
            if (check(problems, "present", points.present()) && points.present() < 1) {
                problems.add(FieldProblem.of("present", "attendance.validation.presentMin", AttendancePoints.MAX));
            }
            atMostPresent(problems, "late", points.late(), points.present());
            atMostPresent(problems, "excused", points.excused(), points.present());
            atMostPresent(problems, "absent", points.absent(), points.present());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = currentUser.require().accountId();
        rules.save(programId.value(), points, by, clock.instant());
        log.info("Account {} set the attendance points of program {}: {}", by, programId.value(), points);
    }

    private AttendancePoints points(ProgramId programId) {
        return rules.find(programId.value()).orElse(AttendancePoints.DEFAULTS);
    }

    /** @return whether the value is within 0 to {@link AttendancePoints#MAX}; a problem at the field when not */
    private static boolean check(List<FieldProblem> problems, String field, int value) {
        if (value < 0 || value > AttendancePoints.MAX) {
            problems.add(FieldProblem.of(field, "attendance.validation.pointsRange", 0, AttendancePoints.MAX));
            return false;
        }
        return true;
    }

    private static void atMostPresent(List<FieldProblem> problems, String field, int value, int present) {
        if (check(problems, field, value) && value > present) {
            problems.add(FieldProblem.of(field, "attendance.validation.abovePresent", present));
        }
    }
}
