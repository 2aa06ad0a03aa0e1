package org.baeum.attendance.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.transcript.CompletedClass;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The completions reports count (decision 0038): confirmed completions of the offerings, less revoked certificates. */
@BaeumIntegrationTest
class CompletedEnrollmentsTest {

    @Autowired
    CompletedEnrollments completed;
    @Autowired
    Certificates certificates;
    @Autowired
    AttendanceClasses classes;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    CompletionRules rules;
    @Autowired
    Attendance attendance;
    @Autowired
    Completions completions;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_completed_entries_of_the_offerings_less_those_whose_certificate_was_revoked() {
        AttendanceClasses.Cast cast = classes.cast("done", "이수생", 4, LocalDate.of(1965, 5, 1));
        CompletedClass c = CompletedClass.of(cast.teacher(), cast.staff(), cast.citizens(), classes, catalog, clock,
                rules, attendance, completions);
        List<Completion> done = c.confirmed().stream().filter(Completion::completed).toList();
        assertThat(done).hasSize(3).allMatch(x -> x.certificateCode() != null);
        Completion revoked = done.getFirst();
        TestAccounts.signIn(cast.staff());
        certificates.revoke(revoked.certificateCode(), "잘못 발급");

        Set<EnrollmentId> found = completed.completedAmong(List.of(c.offering().id(), new OfferingId("no-such-offering")));

        assertThat(found).containsExactlyInAnyOrderElementsOf(done.subList(1, done.size()).stream()
                .map(Completion::enrollmentId).toList());
        assertThat(completed.completedAmong(List.of())).isEmpty();
    }

    @Test
    void citizens_and_instructors_are_refused() {
        AttendanceClasses.Cast cast = classes.cast("done-refused", "이수거절", 1, LocalDate.of(1965, 5, 1));
        for (BaeumUser refused : List.of(cast.citizens().getFirst(), cast.teacher())) {
            TestAccounts.signIn(refused);
            assertThatThrownBy(() -> completed.completedAmong(List.of(new OfferingId("any"))))
                    .isExactlyInstanceOf(AuthorizationDeniedException.class);
        }
    }
}
