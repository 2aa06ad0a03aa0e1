package org.baeum.account.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.base.i18n.Locales;
import org.baeum.base.mongo.MongoErrors;
import org.springframework.stereotype.Repository;

/** The {@code accounts} collection: unique user names and email addresses. */
@Repository
public class AccountRepository {

    public static final String COLLECTION = "accounts";

    private final MongoCollection<AccountDocument> accounts;

    AccountRepository(MongoDatabase database) {
        this.accounts = database.getCollection(COLLECTION, AccountDocument.class);
        accounts.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique"));
        accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_unique"));
    }

    /** Inserts; a taken user name or email comes out as {@code DuplicateKeyException}. */
    public void insert(AccountDocument account) {
        MongoErrors.translate(() -> accounts.insertOne(normalised(account)));
    }

    /** Creates or replaces the account with this id (demo data, re-run after an interrupted first start). */
    public void upsert(AccountDocument account) {
        MongoErrors.translate(() -> accounts.replaceOne(eq("_id", account.id()), normalised(account),
                new com.mongodb.client.model.ReplaceOptions().upsert(true)));
    }

    public Optional<AccountDocument> findById(String id) {
        return Optional.ofNullable(accounts.find(eq("_id", id)).first());
    }

    /** By user name or email address, case-insensitively. */
    public Optional<AccountDocument> findByLogin(String login) {
        String key = normalise(login);
        return Optional.ofNullable(accounts.find(or(eq("username", key), eq("email", key))).first());
    }

    /** Accounts with this role, by name; at most 1,000. */
    public java.util.List<AccountDocument> findByRole(org.baeum.base.security.Role role) {
        return accounts.find(eq("roles", role.name())).sort(com.mongodb.client.model.Sorts.ascending("displayName"))
                .limit(1_000).into(new java.util.ArrayList<>());
    }

    public void updateLanguage(String id, Locale language) {
        accounts.updateOne(eq("_id", id), set("language", language.toLanguageTag()));
    }

    public long count() {
        return accounts.countDocuments();
    }

    public static Account toAccount(AccountDocument d) {
        return new Account(new AccountId(d.id()), d.username(), d.email(), d.displayName(),
                d.roles().isEmpty() ? EnumSet.noneOf(org.baeum.base.security.Role.class) : EnumSet.copyOf(d.roles()),
                d.enabled(), Locales.fromTag(d.language()), d.createdAt());
    }

    static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static AccountDocument normalised(AccountDocument a) {
        return new AccountDocument(a.id(), normalise(a.username()), normalise(a.email()), a.displayName(), a.roles(),
                a.enabled(), a.language(), a.passwordHash(), a.createdAt(), a.mobile(), a.birthDate(), a.district(),
                a.emailVerifiedAt(), a.sessionEpoch(), a.reminders());
    }
}
