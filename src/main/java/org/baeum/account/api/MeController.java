package org.baeum.account.api;

import java.time.LocalDate;
import java.util.List;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.base.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the bearer token belongs to, with their household; {@code DELETE /api/v1/me/tokens}:
 * sign out everywhere (every token and session of the account ends). Contracts: extend, do not rename.
 */
@RestController
class MeController {

    record Me(String id, String username, String displayName, String email, boolean emailVerified, List<String> roles,
              String language, String district, List<Member> household) {
    }

    /** A person of the household: {@code self} is the account holder. */
    record Member(String participantId, String name, LocalDate birthDate, String relation, boolean self) {
    }

    private final AccountService accounts;
    private final HouseholdService households;

    MeController(AccountService accounts, HouseholdService households) {
        this.accounts = accounts;
        this.households = households;
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me() {
        Account me = accounts.myAccount();
        List<Member> household = me.roles().contains(Role.CITIZEN)
                ? households.myParticipants().stream().map(MeController::member).toList() : List.of();
        return new Me(me.id().value(), me.username(), me.displayName(), me.email(), me.emailVerified(),
                me.roles().stream().sorted().map(Enum::name).toList(), me.language().toLanguageTag(),
                me.district() == null ? null : me.district().name(), household);
    }

    @DeleteMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOutEverywhere() {
        accounts.signOutEverywhere();
    }

    private static Member member(Participant p) {
        return new Member(p.id().value(), p.name(), p.birthDate(), p.relation() == null ? null : p.relation().name(), p.self());
    }
}
