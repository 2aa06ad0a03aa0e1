package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** An instructor reads the roster of the classes they teach, and only those; a full contact is logged. */
@BaeumIntegrationTest
class InstructorRostersTest {

    @Autowired
    InstructorRosters rosters;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    AccessLog accessLog;

    static EnrollmentFixture fixture;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static BaeumUser staff;
    static BaeumUser admin;
    static List<BaeumUser> citizens;
    static OfferingId taught;

    @BeforeAll
    static void classes(@Autowired TestAccounts accounts, @Autowired CatalogService catalog,
                        @Autowired MutableClock clock, @Autowired CitizenEnrollments enrollments,
                         @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        teacher = accounts.create("roster-teacher-" + suffix, Role.INSTRUCTOR);
        otherTeacher = accounts.create("roster-other-" + suffix, Role.INSTRUCTOR);
        staff = accounts.create("roster-staff-" + suffix, Role.STAFF);
        admin = accounts.create("roster-admin-" + suffix, Role.ADMIN);
        citizens = accounts.citizens("roster-" + suffix + "-", "수강생", 3, LocalDate.of(1958, 3, 1));
        taught = fixture.offering(10, 30_000, RecruitmentMethod.FIRST_COME,
                List.of(new Instructor(teacher.accountId(), teacher.displayName())));
        for (BaeumUser c : citizens) {
            TestAccounts.signIn(c);
            enrollments.enroll(taught, null, UUID.randomUUID().toString());
        }
        TestAccounts.signOut();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_instructor_sees_name_age_band_and_a_masked_contact_of_each_participant() {
        TestAccounts.signIn(teacher);
        List<RosterEntry> roster = rosters.roster(taught);

        assertThat(roster).hasSize(3);
        assertThat(roster).extracting(RosterEntry::name).containsExactlyInAnyOrderElementsOf(
                citizens.stream().map(BaeumUser::displayName).toList());
        assertThat(roster).allSatisfy(r -> {
            assertThat(r.ageBand()).isEqualTo(60); // born 1958, classes start within weeks of 2026-12
            assertThat(r.maskedContact()).contains("***@").doesNotContain("roster-");
        });
    }

    @Test
    void opening_a_full_contact_shows_the_address_and_is_written_to_the_access_log() {
        TestAccounts.signIn(teacher);
        RosterEntry first = rosters.roster(taught).getFirst();
        BaeumUser who = citizens.stream().filter(c -> c.displayName().equals(first.name())).findFirst().orElseThrow();

        RosterContact contact = rosters.contact(taught, first.id());

        assertThat(contact.email()).isEqualTo(who.getUsername());
        TestAccounts.signIn(admin);
        List<AccessLogEntry> logged = accessLog.recordedFor(who.accountId(), 0, 20);
        assertThat(logged).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.VIEW_CONTACT);
            assertThat(e.actorAccountId()).isEqualTo(teacher.accountId());
            assertThat(e.detail()).contains(taught.value());
        });
    }

    @Test
    void another_instructor_is_refused_the_roster_and_every_contact() {
        TestAccounts.signIn(teacher);
        EnrollmentId someone = rosters.roster(taught).getFirst().id();

        TestAccounts.signIn(otherTeacher);
        assertThatThrownBy(() -> rosters.roster(taught)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rosters.contact(taught, someone)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void citizens_and_staff_are_refused_the_instructor_roster() {
        for (BaeumUser user : List.of(citizens.getFirst(), staff)) {
            TestAccounts.signIn(user);
            assertThatThrownBy(() -> rosters.roster(taught)).as(user.getUsername()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_contact_of_an_entry_of_another_class_is_refused_even_to_its_own_instructor() {
        OfferingId elsewhere = fixture.offering(5, 0);
        TestAccounts.signIn(citizens.getFirst());
        Enrollment notHere = enrollments.enroll(elsewhere, null, UUID.randomUUID().toString());

        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> rosters.contact(taught, notHere.id())).isInstanceOf(AccessDeniedException.class);
    }
}
