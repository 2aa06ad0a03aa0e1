package org.baeum.account.api;

import java.util.List;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the bearer token belongs to. */
@RestController
class MeController {

    record Me(String id, String username, String displayName, List<String> roles, String language) {
    }

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me() {
        Account me = accounts.myAccount();
        return new Me(me.id().value(), me.username(), me.displayName(),
                me.roles().stream().sorted().map(Enum::name).toList(), me.language().toLanguageTag());
    }
}
