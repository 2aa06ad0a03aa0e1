package org.baeum.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * API tokens live in their account's document (decision 0058): one read checks the token and the account together,
 * revocation is one atomic update of that document, and the account read for a token serves the rest of its request.
 */
@BaeumIntegrationTest
class AccountTokenStoreTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountRepository repository;
    @Autowired
    com.mongodb.client.MongoDatabase database;
    @Autowired
    org.baeum.MutableClock clock;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_token_names_its_account_and_one_revoked_token_leaves_the_others() {
        BaeumUser user = accounts.citizen("tokens.one@test.baeum", "토큰", LocalDate.of(1980, 1, 1));
        String first = tokens.issue(user).token();
        String second = tokens.issue(user).token();

        assertThat(first).startsWith(user.accountId() + ".");
        assertThat(tokens.userFor(first)).map(BaeumUser::accountId).contains(user.accountId());
        assertThat(tokens.tokensOf(user.accountId())).hasSize(2);

        tokens.revoke(first);
        assertThat(tokens.userFor(first)).isEmpty();
        assertThat(tokens.userFor(second)).map(BaeumUser::accountId).contains(user.accountId());
        assertThat(tokens.tokensOf(user.accountId())).hasSize(1);
    }

    @Test
    void a_token_with_another_accounts_id_or_a_changed_secret_reaches_nobody() {
        BaeumUser owner = accounts.citizen("tokens.owner@test.baeum", "주인", LocalDate.of(1980, 1, 1));
        BaeumUser other = accounts.citizen("tokens.other@test.baeum", "남", LocalDate.of(1980, 1, 2));
        String token = tokens.issue(owner).token();
        String secret = token.substring(token.lastIndexOf('.') + 1);

        assertThat(tokens.userFor(other.accountId() + "." + secret)).as("the secret under another account's id").isEmpty();
        assertThat(tokens.userFor(owner.accountId() + "." + secret.substring(1) + "A")).isEmpty();
        assertThat(tokens.userFor("." + secret)).isEmpty();
        assertThat(tokens.userFor("no-such-account." + secret)).isEmpty();
    }

    @Test
    void an_account_holds_at_most_twenty_tokens_and_the_oldest_goes_first() {
        BaeumUser user = accounts.citizen("tokens.many@test.baeum", "많이", LocalDate.of(1980, 1, 1));
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < ApiTokens.MAX_PER_ACCOUNT + 1; i++) {
            issued.add(tokens.issue(user).token());
        }
        assertThat(tokens.tokensOf(user.accountId())).hasSize(ApiTokens.MAX_PER_ACCOUNT);
        assertThat(tokens.userFor(issued.getFirst())).as("the oldest").isEmpty();
        assertThat(tokens.userFor(issued.get(1))).isPresent();
        assertThat(tokens.userFor(issued.getLast())).isPresent();
    }

    @Test
    void the_new_token_is_always_kept_and_the_first_issued_go_even_when_the_clock_went_back() {
        BaeumUser user = accounts.citizen("tokens.still@test.baeum", "정지", LocalDate.of(1980, 1, 1));
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < ApiTokens.MAX_PER_ACCOUNT; i++) {
            issued.add(tokens.issue(user).token());
        }
        clock.advance(Duration.ofHours(-1)); // a clock set back (or tokens issued in the same millisecond)
        try {
            issued.add(tokens.issue(user).token());
            issued.add(tokens.issue(user).token());
            assertThat(tokens.userFor(issued.get(0))).as("the first issued").isEmpty();
            assertThat(tokens.userFor(issued.get(1))).as("the second issued").isEmpty();
            assertThat(issued.subList(2, issued.size())).allSatisfy(t -> assertThat(tokens.userFor(t)).isPresent());
        } finally {
            clock.reset();
        }
    }

    @Test
    void tokens_issued_at_the_same_moment_are_all_kept_and_revoking_all_ends_every_one() throws Exception {
        BaeumUser user = accounts.citizen("tokens.race@test.baeum", "동시", LocalDate.of(1980, 1, 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit((Callable<String>) () -> tokens.issue(user).token()));
            }
            List<String> issued = new ArrayList<>();
            for (Future<String> f : futures) {
                issued.add(f.get());
            }
            assertThat(issued).allSatisfy(t -> assertThat(tokens.userFor(t)).isPresent());
            assertThat(tokens.tokensOf(user.accountId())).hasSize(12);

            assertThat(tokens.revokeAll(user.accountId())).isEqualTo(12);
            assertThat(issued).allSatisfy(t -> assertThat(tokens.userFor(t)).isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_disabled_account_still_resolves_as_disabled_so_the_filter_refuses_it() {
        BaeumUser user = accounts.create("tokens-staff", Role.STAFF);
        String token = tokens.issue(user).token();
        repository.setEnabled(user.accountId(), false);
        assertThat(tokens.userFor(token)).map(BaeumUser::isEnabled).contains(false);
    }

    @Test
    void no_token_for_an_account_that_does_not_exist() {
        BaeumUser ghost = new BaeumUser("no-such-account-id", "ghost", "유령", java.util.Set.of(Role.CITIZEN), true,
                java.util.Locale.KOREAN, null);
        assertThatThrownBy(() -> tokens.issue(ghost)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void within_one_request_the_account_read_for_its_token_is_not_read_again_until_it_is_written() {
        BaeumUser user = accounts.citizen("tokens.memo@test.baeum", "메모", LocalDate.of(1980, 1, 1));
        String token = tokens.issue(user).token();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(tokens.userFor(token)).isPresent();
        // changed behind the repository's back: the request keeps what its token check read
        database.getCollection(AccountRepository.COLLECTION).updateOne(com.mongodb.client.model.Filters.eq("_id", user.accountId()),
                com.mongodb.client.model.Updates.set("displayName", "바뀐 이름"));
        assertThat(repository.findById(user.accountId())).map(AccountDocument::displayName).contains("메모");

        // a write through the repository forgets it, so the same request then reads what it wrote
        repository.updateProfile(user.accountId(), "새 이름", null, "MAPO", true);
        assertThat(repository.findById(user.accountId())).map(AccountDocument::displayName).contains("새 이름");

        RequestContextHolder.resetRequestAttributes();
        Optional<AccountDocument> outside = repository.findById(user.accountId());
        assertThat(outside).map(AccountDocument::displayName).contains("새 이름");
    }

    @Test
    void an_expired_token_is_refused_and_dropped_first_when_the_account_is_full() {
        BaeumUser user = accounts.citizen("tokens.expired@test.baeum", "만료", LocalDate.of(1980, 1, 1));
        String token = tokens.issue(user).token();
        Instant past = Instant.now().minus(Duration.ofDays(2));
        database.getCollection(AccountRepository.COLLECTION).updateOne(com.mongodb.client.model.Filters.eq("_id", user.accountId()),
                com.mongodb.client.model.Updates.set("apiTokens.0.expiresAt", java.util.Date.from(past)));
        assertThat(tokens.userFor(token)).isEmpty();
        assertThat(tokens.tokensOf(user.accountId())).isEmpty();

        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < ApiTokens.MAX_PER_ACCOUNT; i++) {
            fresh.add(tokens.issue(user).token());
        }
        assertThat(fresh).allSatisfy(t -> assertThat(tokens.userFor(t)).isPresent());
    }
}
