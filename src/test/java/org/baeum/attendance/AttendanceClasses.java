package org.baeum.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.springframework.stereotype.Component;

/**
 * The attendance tests' set-up, in one place: the demo catalog, the people of a test class (an instructor, another
 * instructor, STAFF, citizens) and classes taught by one instructor with the same enrolled citizens.
 */
@Component
public class AttendanceClasses {

    private final CatalogService catalog;
    private final MutableClock clock;
    private final CitizenEnrollments enrollments;
    private final TestAccounts accounts;
    private final List<DemoDataContributor> contributors;
    /**
     * Makes the classes; a new one (with a new term that starts on the clock's day) for each test class, as a test
     * that moved the clock would otherwise leave the next test class a term that starts later than its classes.
     */
    private EnrollmentFixture fixture;

    AttendanceClasses(CatalogService catalog, MutableClock clock, CitizenEnrollments enrollments, TestAccounts accounts,
                      List<DemoDataContributor> contributors) {
        this.catalog = catalog;
        this.clock = clock;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.contributors = contributors;
    }

    /** Makes sure the demo catalog (branches, rooms, terms) is there; returns this fixture. */
    public AttendanceClasses withDemoCatalog() {
        DemoCatalogFixture.load(contributors);
        return fresh();
    }

    /** Starts a new term for the classes made from now on (at the clock's day); returns this fixture. */
    public AttendanceClasses fresh() {
        fixture = new EnrollmentFixture(catalog, clock);
        return this;
    }

    /**
     * The demo catalog and new people for one test class, named {@code <prefix>-teacher-<random>} and so on:
     * {@code count} citizens named {@code <citizenName><i>}, born on consecutive days from {@code born}.
     */
    public Cast cast(String prefix, String citizenName, int count, LocalDate born) {
        withDemoCatalog();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return new Cast(accounts.create(prefix + "-teacher-" + suffix, Role.INSTRUCTOR),
                accounts.create(prefix + "-other-" + suffix, Role.INSTRUCTOR),
                accounts.create(prefix + "-staff-" + suffix, Role.STAFF),
                accounts.citizens(prefix + "-" + suffix + "-", citizenName, count, born));
    }

    /** The people of a test class. */
    public record Cast(BaeumUser teacher, BaeumUser otherTeacher, BaeumUser staff, List<BaeumUser> citizens) {
    }

    /** A class taught by {@code teacher}, its enrolled entries in the order of {@code citizens}. */
    public Taught taught(BaeumUser teacher, List<BaeumUser> citizens) {
        if (fixture == null) {
            fresh();
        }
        OfferingId id = fixture.offering(10, 0, RecruitmentMethod.FIRST_COME,
                List.of(new Instructor(teacher.accountId(), teacher.displayName())));
        List<EnrollmentId> entries = citizens.stream().map(c -> {
            TestAccounts.signIn(c);
            try {
                var e = enrollments.enroll(id, null, UUID.randomUUID().toString());
                if (e.status() != EnrollmentStatus.ENROLLED) {
                    throw new IllegalStateException("Not enrolled: " + e.status());
                }
                return e.id();
            } finally {
                TestAccounts.signOut();
            }
        }).toList();
        List<LocalDate> sessions = catalog.offering(id).orElseThrow().sessionDates();
        return new Taught(id, entries, sessions);
    }

    public record Taught(OfferingId id, List<EnrollmentId> entries, List<LocalDate> sessions) {
    }
}
