package org.baeum.base.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API tokens live: in their account's own document (the account feature implements it), so a request with a
 * token reads one document, and a token, its account's roles and its account's being enabled are checked together
 * (decision 0058). Only a token's SHA-256 is stored.
 */
public interface ApiTokenStore {

    /** A stored token: its hash, when it was issued and when it ends. */
    record Entry(String hash, Instant createdAt, Instant expiresAt) {
    }

    /**
     * Adds a token to the account; past {@code max} tokens, the account's expired ones and then its oldest ones are
     * forgotten.
     *
     * @return false when there is no such account (nothing stored)
     */
    boolean add(String accountId, Entry token, Instant now, int max);

    /** The account as security sees it when it holds this unexpired token; empty otherwise. */
    Optional<BaeumUser> userHolding(String accountId, String hash, Instant now);

    /** The account's unexpired tokens, newest first. */
    List<Entry> tokensOf(String accountId, Instant now);

    /** Forgets one token; false when the account did not hold it. */
    boolean remove(String accountId, String hash);

    /** Forgets every token of the account; how many there were. */
    long removeAll(String accountId);
}
