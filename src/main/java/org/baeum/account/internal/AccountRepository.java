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
import org.baeum.base.domain.RequestMemo;
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
        RequestMemo.forget(memoKey(account.id()));
        MongoErrors.translate(() -> accounts.replaceOne(eq("_id", account.id()), normalised(account),
                new com.mongodb.client.model.ReplaceOptions().upsert(true)));
    }

    /**
     * The account by id. Within one HTTP request, an account its bearer token was checked against is not read again
     * ({@link RequestMemo}; every write here forgets it first).
     */
    public Optional<AccountDocument> findById(String id) {
        Optional<AccountDocument> read = RequestMemo.get(memoKey(id), AccountDocument.class);
        return read.isPresent() ? read : Optional.ofNullable(accounts.find(eq("_id", id)).first());
    }

    /**
     * The account as this HTTP request already read it with its bearer token ({@link RequestMemo}), without reading
     * it: empty outside a request, for another account, or once the request changed it.
     */
    public Optional<AccountDocument> readInThisRequest(String id) {
        return RequestMemo.get(memoKey(id), AccountDocument.class);
    }

    /**
     * Notes that a fee-reduction claim of the household may be approved (decision 0060): called before the approval is
     * stored, never undone, so an account that says {@code false} has never had an approved claim.
     */
    public void markReductionClaims(String accountId) {
        RequestMemo.forget(memoKey(accountId));
        accounts.updateOne(eq("_id", accountId), com.mongodb.client.model.Updates.set("reductionClaims", true));
    }

    /**
     * Notes that these accounts may have a no-show mark (decision 0065): called before the mark is stored, never undone,
     * so an account that says {@code false} has never had one. Ids that are no account (a dependant) change nothing.
     */
    public void markNoShowMarks(java.util.Collection<String> accountIds) {
        // one update by _id each (a mark names two at most): an index look-up on every server
        for (String id : new java.util.LinkedHashSet<>(accountIds)) {
            RequestMemo.forget(memoKey(id));
            accounts.updateOne(eq("_id", id), com.mongodb.client.model.Updates.set("noShowMarks", true));
        }
    }

    static String memoKey(String accountId) {
        return "account:" + accountId;
    }

    /** The accounts with these ids that exist, in one read. */
    public java.util.List<AccountDocument> findByIds(java.util.Collection<String> ids) {
        return ids.isEmpty() ? java.util.List.of()
                : accounts.find(com.mongodb.client.model.Filters.in("_id", ids)).into(new java.util.ArrayList<>(ids.size()));
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
        RequestMemo.forget(memoKey(id));
        accounts.updateOne(eq("_id", id), set("language", language.toLanguageTag()));
    }

    /** The citizen-editable profile fields. */
    public void updateProfile(String id, String displayName, String mobile, String district, boolean reminders) {
        RequestMemo.forget(memoKey(id));
        accounts.updateOne(eq("_id", id), com.mongodb.client.model.Updates.combine(set("displayName", displayName),
                set("mobile", mobile), set("district", district), set("reminders", reminders)));
    }

    /**
     * A new email address, unconfirmed until its owner opens the verification link; a citizen's user name follows
     * it. Like a password change, it ends every session made before (the epoch moves on in the same update). A taken
     * address comes out as {@code DuplicateKeyException} and changes nothing.
     */
    public void changeEmail(String id, String newEmail, boolean usernameToo) {
        RequestMemo.forget(memoKey(id));
        String email = normalise(newEmail);
        var update = usernameToo
                ? com.mongodb.client.model.Updates.combine(set("email", email), set("username", email), set("emailVerifiedAt", null),
                        com.mongodb.client.model.Updates.inc("sessionEpoch", 1L))
                : com.mongodb.client.model.Updates.combine(set("email", email), set("emailVerifiedAt", null),
                        com.mongodb.client.model.Updates.inc("sessionEpoch", 1L));
        MongoErrors.translate(() -> accounts.updateOne(eq("_id", id), update));
    }

    /** Confirms the address only if it is still the account's address; false otherwise. */
    public boolean markEmailVerified(String id, String email, java.time.Instant at) {
        RequestMemo.forget(memoKey(id));
        return accounts.updateOne(com.mongodb.client.model.Filters.and(eq("_id", id), eq("email", normalise(email))),
                set("emailVerifiedAt", at)).getMatchedCount() == 1;
    }

    /** Stores a new password hash and ends every session and token made before (the epoch moves on). */
    public void changePassword(String id, String passwordHash) {
        RequestMemo.forget(memoKey(id));
        accounts.updateOne(eq("_id", id), com.mongodb.client.model.Updates.combine(set("passwordHash", passwordHash),
                com.mongodb.client.model.Updates.inc("sessionEpoch", 1L)));
    }

    /** Ends every session of the account ("sign out everywhere"). */
    public void raiseSessionEpoch(String id) {
        RequestMemo.forget(memoKey(id));
        accounts.updateOne(eq("_id", id), com.mongodb.client.model.Updates.inc("sessionEpoch", 1L));
    }

    /** Enables or disables the account; either way its current sessions end. */
    public boolean setEnabled(String id, boolean enabled) {
        RequestMemo.forget(memoKey(id));
        return accounts.updateOne(eq("_id", id), com.mongodb.client.model.Updates.combine(set("enabled", enabled),
                com.mongodb.client.model.Updates.inc("sessionEpoch", 1L))).getMatchedCount() == 1;
    }

    /**
     * Claims the right to send a link mail now: true (and the time stored) when none went out in the last minute.
     * Atomic, so two quick clicks send one mail.
     */
    public boolean claimLinkMail(String id, java.time.Instant now) {
        RequestMemo.forget(memoKey(id));
        return accounts.updateOne(com.mongodb.client.model.Filters.and(eq("_id", id),
                        or(eq("linkMailAt", null), com.mongodb.client.model.Filters.lt("linkMailAt", now.minusSeconds(60)))),
                set("linkMailAt", now)).getModifiedCount() == 1;
    }

    public boolean delete(String id) {
        RequestMemo.forget(memoKey(id));
        return accounts.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    /**
     * Citizens matching what a desk clerk types: a whole email address, the last four or more digits of a mobile
     * number, or the start of a name. At most {@code limit}, by name.
     */
    public java.util.List<AccountDocument> searchCitizens(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<org.bson.conversions.Bson> any = new java.util.ArrayList<>();
        any.add(com.mongodb.client.model.Filters.regex("displayName", "^" + java.util.regex.Pattern.quote(t)));
        if (t.contains("@")) {
            any.add(eq("email", normalise(t)));
        }
        String digits = t.replaceAll("[^0-9]", "");
        if (digits.length() >= 4 && digits.length() == t.replaceAll("[-\\s]", "").length()) {
            any.add(com.mongodb.client.model.Filters.regex("mobile", java.util.regex.Pattern.quote(digits) + "$"));
        }
        return accounts.find(com.mongodb.client.model.Filters.and(eq("roles", org.baeum.base.security.Role.CITIZEN.name()),
                        or(any))).sort(com.mongodb.client.model.Sorts.ascending("displayName", "_id"))
                .limit(limit).into(new java.util.ArrayList<>());
    }

    /** Accounts holding any of these roles, by name then id, one page. */
    public java.util.List<AccountDocument> pageByRoles(java.util.Collection<org.baeum.base.security.Role> roles, int offset, int limit) {
        return accounts.find(com.mongodb.client.model.Filters.in("roles", roles.stream().map(Enum::name).toList()))
                .sort(com.mongodb.client.model.Sorts.ascending("displayName", "_id")).skip(offset).limit(limit)
                .into(new java.util.ArrayList<>());
    }

    public long countByRoles(java.util.Collection<org.baeum.base.security.Role> roles) {
        return accounts.countDocuments(com.mongodb.client.model.Filters.in("roles", roles.stream().map(Enum::name).toList()));
    }

    public long count() {
        return accounts.countDocuments();
    }

    public static Account toAccount(AccountDocument d) {
        return new Account(new AccountId(d.id()), d.username(), d.email(), d.displayName(),
                d.roles().isEmpty() ? EnumSet.noneOf(org.baeum.base.security.Role.class) : EnumSet.copyOf(d.roles()),
                d.enabled(), Locales.fromTag(d.language()), d.createdAt(), d.mobile(), d.birthDate(),
                d.district() == null ? null : org.baeum.account.District.valueOf(d.district()), d.emailVerified(),
                d.reminders());
    }

    static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static AccountDocument normalised(AccountDocument a) {
        return new AccountDocument(a.id(), normalise(a.username()), normalise(a.email()), a.displayName(), a.roles(),
                a.enabled(), a.language(), a.passwordHash(), a.createdAt(), a.mobile(), a.birthDate(), a.district(),
                a.emailVerifiedAt(), a.sessionEpoch(), a.reminders(), a.linkMailAt(), a.reductionClaims(), a.noShowMarks());
    }
}
