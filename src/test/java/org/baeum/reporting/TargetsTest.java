package org.baeum.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Targets: ADMIN sets (upsert, one per year, line, key and measure), STAFF reads, the others are refused; Reports too. */
@BaeumIntegrationTest
class TargetsTest {

    static BaeumUser admin;
    static BaeumUser staff;
    static BaeumUser citizen;
    static BaeumUser instructor;

    @Autowired
    Targets targets;
    @Autowired
    Reports reports;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        admin = accounts.create("tg-admin", Role.ADMIN);
        staff = accounts.create("tg-staff", Role.STAFF);
        citizen = accounts.create("tg-citizen", Role.CITIZEN);
        instructor = accounts.create("tg-instructor", Role.INSTRUCTOR);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    static final Target SWIMMING = new Target(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PEOPLE, 25_000);

    @Test
    void admin_sets_a_target_once_per_line_and_measure_and_staff_read_it() {
        TestAccounts.signIn(admin);
        targets.save(SWIMMING);
        targets.save(new Target(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PEOPLE, 26_000));
        targets.save(new Target(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PERSON_SESSIONS, 56_000));

        TestAccounts.signIn(staff);
        assertThat(targets.ofYear(2031)).containsExactly(
                new Target(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PEOPLE, 26_000),
                new Target(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PERSON_SESSIONS, 56_000));
        assertThat(targets.ofYear(2032)).isEmpty();

        TestAccounts.signIn(admin);
        assertThat(targets.delete(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PERSON_SESSIONS)).isTrue();
        assertThat(targets.delete(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PERSON_SESSIONS)).isFalse();
        assertThat(targets.ofYear(2031)).hasSize(1);
    }

    @Test
    void bad_input_is_refused_per_field_and_stores_nothing() {
        TestAccounts.signIn(admin);
        assertThatThrownBy(() -> targets.save(new Target(1999, TargetLine.DOMAIN, "SPORTS_LESSON", ColumnKind.KRW, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("year", "key", "measure", "value"));
        assertThatThrownBy(() -> targets.save(new Target(2033, null, null, ColumnKind.PEOPLE, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("line"));
        assertThat(targets.ofYear(1999)).isEmpty();
        assertThat(targets.ofYear(2033)).isEmpty();
    }

    @Test
    void staff_may_not_set_or_delete_a_target() {
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> targets.save(SWIMMING)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> targets.delete(2031, TargetLine.PROGRAM_KIND, "SPORTS_LESSON", ColumnKind.PEOPLE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void citizens_and_instructors_may_not_read_targets_or_reports() {
        for (BaeumUser user : List.of(citizen, instructor)) {
            TestAccounts.signIn(user);
            assertThatThrownBy(() -> targets.ofYear(2031)).as(user.getUsername()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reports.list(Locale.KOREAN)).as(user.getUsername())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reports.run("participation", ReportQuery.year(2031), Locale.KOREAN))
                    .as(user.getUsername()).isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signIn(staff);
        assertThat(reports.list(Locale.KOREAN)).extracting(ReportInfo::name).contains("participation", "targets");
    }
}
