package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@BaeumIntegrationTest
class HouseholdServiceTest {

    @Autowired
    HouseholdService households;
    @Autowired
    TestAccounts accounts;

    BaeumUser mother;
    BaeumUser neighbour;

    @BeforeEach
    void people() {
        mother = accounts.userOrCreate("hh-mother", Role.CITIZEN);
        neighbour = accounts.userOrCreate("hh-neighbour", Role.CITIZEN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_citizen_adds_a_child_and_an_elderly_parent_and_enrols_from_the_household() {
        TestAccounts.signIn(mother);
        LocalDate today = LocalDate.now(org.baeum.base.i18n.Formats.SEOUL);
        Dependant child = households.addDependant(new DependantDraft("김아이", today.minusYears(7), Relation.CHILD));
        Dependant father = households.addDependant(new DependantDraft("김할배", today.minusYears(70).minusDays(1), Relation.PARENT));
        assertThat(households.myParticipants()).extracting(Participant::name)
                .startsWith(mother.displayName()).contains("김아이", "김할배");
        assertThat(households.participant(child.id()).ageOn(today)).isEqualTo(7);
        assertThat(households.participant(father.id()).ageOn(today)).isEqualTo(70);
        assertThat(households.participant(new ParticipantId(mother.accountId())).self()).isTrue();
    }

    @Test
    void a_removed_dependant_can_no_longer_be_enrolled_but_stays_in_the_household_history() {
        TestAccounts.signIn(mother);
        Dependant child = households.addDependant(new DependantDraft("김지난", LocalDate.of(2015, 3, 1), Relation.CHILD));
        households.removeDependant(child.id());
        assertThat(households.myParticipants()).extracting(Participant::id).doesNotContain(child.id());
        assertThat(households.myDependants(true)).filteredOn(d -> d.id().equals(child.id()))
                .singleElement().satisfies(d -> assertThat(d.active()).isFalse());
        assertThatThrownBy(() -> households.removeDependant(child.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staff_look_many_participants_up_at_once_and_a_citizen_is_refused() {
        TestAccounts.signIn(mother);
        Dependant child = households.addDependant(new DependantDraft("김묶음", LocalDate.of(2016, 5, 5), Relation.CHILD));
        ParticipantId self = new ParticipantId(mother.accountId());
        ParticipantId unknown = new ParticipantId("no-such-participant");
        assertThatThrownBy(() -> households.participants(java.util.List.of(self)))
                .isExactlyInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);

        TestAccounts.signIn(accounts.userOrCreate("hh-staff", Role.STAFF));
        var found = households.participants(java.util.List.of(self, child.id(), unknown, child.id()));
        assertThat(found).containsOnlyKeys(self, child.id());
        assertThat(found.get(self).name()).isEqualTo(mother.displayName());
        assertThat(found.get(child.id()).name()).isEqualTo("김묶음");
        assertThat(found.get(child.id()).household()).isEqualTo(new AccountId(mother.accountId()));
        assertThat(households.participants(java.util.List.of())).isEmpty();
    }

    @Test
    void another_citizen_can_neither_see_nor_remove_someone_elses_dependant() {
        TestAccounts.signIn(mother);
        Dependant child = households.addDependant(new DependantDraft("김비밀", LocalDate.of(2018, 1, 1), Relation.CHILD));
        TestAccounts.signIn(neighbour);
        assertThatThrownBy(() -> households.participant(child.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> households.participant(new ParticipantId(mother.accountId()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> households.removeDependant(child.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(households.myParticipants()).extracting(Participant::name).doesNotContain("김비밀");
        TestAccounts.signIn(mother);
        assertThat(households.myParticipants()).extracting(Participant::name).contains("김비밀");
    }

    @Test
    void instructors_and_anonymous_callers_reach_no_household() {
        BaeumUser instructor = accounts.userOrCreate("hh-instructor", Role.INSTRUCTOR);
        TestAccounts.signIn(instructor);
        assertThatThrownBy(() -> households.myParticipants()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> households.householdOf(new AccountId(mother.accountId()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> households.participant(new ParticipantId(mother.accountId()))).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signOut();
        assertThatThrownBy(() -> households.myParticipants()).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void staff_see_a_households_members_for_the_desk() {
        TestAccounts.signIn(mother);
        households.addDependant(new DependantDraft("김창구", LocalDate.of(2019, 6, 1), Relation.CHILD));
        TestAccounts.signIn(accounts.userOrCreate("hh-staff", Role.STAFF));
        assertThat(households.householdOf(new AccountId(mother.accountId()))).extracting(Participant::name).contains("김창구");
    }

    @Test
    void bad_dependant_input_is_refused_and_a_household_has_at_most_ten() {
        TestAccounts.signIn(accounts.userOrCreate("hh-big", Role.CITIZEN));
        assertThatThrownBy(() -> households.addDependant(new DependantDraft("", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(3));
        for (int i = 0; i < AccountRules.MAX_DEPENDANTS; i++) {
            households.addDependant(new DependantDraft("아이" + "가나다라마바사아자차".charAt(i), LocalDate.of(2010, 1, 1), Relation.CHILD));
        }
        assertThatThrownBy(() -> households.addDependant(new DependantDraft("하나더", LocalDate.of(2010, 1, 1), Relation.CHILD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("household.full"));
    }
}
