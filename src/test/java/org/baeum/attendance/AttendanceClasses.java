package org.baeum.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;

/** Classes taught by one instructor with the same enrolled citizens, for the attendance tests. */
public final class AttendanceClasses {

    private final EnrollmentFixture fixture;
    private final CatalogService catalog;
    private final CitizenEnrollments enrollments;

    public AttendanceClasses(EnrollmentFixture fixture, CatalogService catalog, CitizenEnrollments enrollments) {
        this.fixture = fixture;
        this.catalog = catalog;
        this.enrollments = enrollments;
    }

    /** A class taught by {@code teacher}, its enrolled entries in the order of {@code citizens}. */
    public Taught taught(BaeumUser teacher, List<BaeumUser> citizens) {
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
