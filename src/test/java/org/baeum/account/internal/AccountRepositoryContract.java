package org.baeum.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account repository's behaviour, run against the embedded server ({@link AccountRepositoryEmbeddedTest})
 * and against a real MongoDB where Docker runs ({@link AccountRepositoryMongoContainerTest}).
 */
abstract class AccountRepositoryContract {

    protected abstract MongoDatabase database();

    AccountRepository repository;

    @BeforeEach
    void freshCollection() {
        database().getCollection(AccountRepository.COLLECTION).deleteMany(new org.bson.Document());
        repository = new AccountRepository(database());
    }

    private static AccountDocument account(String id, String username, String email) {
        return new AccountDocument(id, username, email, "홍길동", List.of(Role.CITIZEN), true, "ko", "{hash}", Instant.now());
    }

    @Test
    void stores_and_finds_by_user_name_or_email_case_insensitively() {
        repository.insert(account("a1", "Hong", "Hong@Example.com"));
        assertThat(repository.findByLogin("hong")).get().extracting(AccountDocument::id).isEqualTo("a1");
        assertThat(repository.findByLogin(" HONG@example.COM ")).get().extracting(AccountDocument::id).isEqualTo("a1");
        assertThat(repository.findByLogin("kim")).isEmpty();
    }

    @Test
    void a_second_account_with_the_same_user_name_is_refused() {
        repository.insert(account("a1", "hong", "hong@example.com"));
        assertThatThrownBy(() -> repository.insert(account("a2", "HONG", "other@example.com")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void a_second_account_with_the_same_email_is_refused() {
        repository.insert(account("a1", "hong", "hong@example.com"));
        assertThatThrownBy(() -> repository.insert(account("a2", "kim", "hong@example.com")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void roles_and_language_round_trip() {
        repository.insert(new AccountDocument("a1", "staff1", "s@example.com", "박직원", List.of(Role.STAFF, Role.ADMIN),
                true, "en", "{hash}", Instant.parse("2026-01-02T03:04:05Z")));
        repository.updateLanguage("a1", Locale.KOREAN);
        var account = AccountRepository.toAccount(repository.findById("a1").orElseThrow());
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.ADMIN);
        assertThat(account.language()).isEqualTo(Locale.KOREAN);
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }
}
