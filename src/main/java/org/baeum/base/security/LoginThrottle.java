package org.baeum.base.security;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling (docs/decisions/0018-login-throttling.md), in the database so that every portal instance sees
 * the same counts. Every attempt is counted before its password is checked, by guarded atomic updates, under three
 * keys:
 * <ul>
 * <li>the account and the client address: {@code maxFailuresPerAccount} (5) in a window;</li>
 * <li>the client address, whatever the account: {@code maxFailuresPerAddress} (30) in a window (password spraying);</li>
 * <li>the account from every address that is not familiar to it, together: {@code maxFailuresAccountWide} (50) in a
 * window, and each window used up makes the next one twice as long (up to {@code maxBackoff}).</li>
 * </ul>
 * An address is familiar to an account for {@code familiarFor} (30 days) after a successful sign-in from it, so an
 * attacker's failures elsewhere never keep the owner out of where they usually sign in. The account is the account
 * whatever was typed (user name or email address, any case); a login that matches no account is counted under its
 * normalised form exactly like an account seen from unfamiliar addresses, so refusals reveal nothing. Keys are
 * SHA-256 hashes: the collection holds no user names, account ids or addresses.
 */
@Component
public class LoginThrottle {

    static final String COLLECTION = LoginCounters.COLLECTION;

    /** Which limit refused an attempt (for the log; the person refused is told the same thing whichever it was). */
    public enum Limit {
        ACCOUNT_FROM_ADDRESS, ADDRESS, ACCOUNT_WIDE
    }

    /** Whom an attempt is for: an account, or a login that matches none. Only a hash of either is kept. */
    public record Subject(String hash, boolean account) {

        public static Subject account(String accountId) {
            return new Subject(Sha256.hex("account:" + accountId), true);
        }

        /** A login that matches no account, normalised as sign-in looks logins up (no surrounding spaces, any case). */
        public static Subject unknownLogin(String login) {
            return new Subject(Sha256.hex("login:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT))), false);
        }
    }

    /** An attempt that has been counted; after a success, hand it to {@link #succeeded}. A failure needs nothing more. */
    public record Attempt(Subject subject, String pairKey, String addressKey, String accountWideKey, boolean remember) {
    }

    private final LoginCounters counters;
    private final SecuritySettings.Login settings;
    private final LoginCounters.Windows fixed;
    private final LoginCounters.Windows backingOff;
    private final Clock clock;

    LoginThrottle(MongoDatabase database, SecuritySettings settings, Clock clock) {
        this.counters = new LoginCounters(database);
        this.settings = settings.login();
        this.fixed = LoginCounters.Windows.fixed(this.settings.window());
        this.backingOff = LoginCounters.Windows.backingOff(this.settings.window(), this.settings.maxBackoff());
        this.clock = clock;
    }

    /**
     * Counts a sign-in attempt from {@code address} before its password is checked.
     *
     * @throws LoginThrottledException when a limit is reached; nothing stays counted then
     */
    public Attempt begin(Subject subject, String address) {
        Instant now = clock.instant();
        String from = address == null ? "" : address;
        String pairKey = "pair:" + Sha256.hex(subject.hash() + "|" + from);
        LoginCounters.Taken pair = counters.take(pairKey, settings.maxFailuresPerAccount(), fixed, now);
        if (pair.refused()) {
            throw new LoginThrottledException(pair.refusedUntil(), Limit.ACCOUNT_FROM_ADDRESS);
        }
        List<String> taken = new ArrayList<>(List.of(pairKey));
        String addressKey = "ip:" + Sha256.hex(from);
        refuseIfFull(counters.take(addressKey, settings.maxFailuresPerAddress(), fixed, now), Limit.ADDRESS, taken);
        taken.add(addressKey);
        String accountWideKey = null;
        if (!(subject.account() && pair.counter().familiarAt(now))) {
            accountWideKey = "acct:" + subject.hash();
            refuseIfFull(counters.take(accountWideKey, settings.maxFailuresAccountWide(), backingOff, now),
                    Limit.ACCOUNT_WIDE, taken);
        }
        return new Attempt(subject, pairKey, addressKey, accountWideKey, subject.account());
    }

    /**
     * Counts a guess at the current password by someone already signed in (changing the email address or password,
     * deleting the account): {@code maxFailuresPerAccount} in a window per account, apart from sign-in, so that a
     * session left open gives few guesses and its guesses never keep the owner from signing in.
     *
     * @throws LoginThrottledException when the limit is reached
     */
    public Attempt beginPasswordCheck(String accountId) {
        Subject subject = Subject.account(accountId);
        String key = "recheck:" + subject.hash();
        LoginCounters.Taken taken = counters.take(key, settings.maxFailuresPerAccount(), fixed, clock.instant());
        if (taken.refused()) {
            throw new LoginThrottledException(taken.refusedUntil(), Limit.ACCOUNT_FROM_ADDRESS);
        }
        return new Attempt(subject, key, null, null, false);
    }

    private void refuseIfFull(LoginCounters.Taken taken, Limit limit, List<String> takenBefore) {
        if (taken.refused()) {
            counters.giveBack(takenBefore);
            throw new LoginThrottledException(taken.refusedUntil(), limit);
        }
    }

    /**
     * The password was right: the account's count at this address starts again and the address becomes familiar; the
     * address and account-wide counts get this attempt back but keep earlier failures (no spraying with one good
     * account, no fresh budget for an attacker). One round trip.
     */
    public void succeeded(Attempt attempt) {
        Instant now = clock.instant();
        List<WriteModel<LoginCounters.Counter>> writes = new ArrayList<>();
        writes.add(attempt.remember()
                ? LoginCounters.clearAndRemember(attempt.pairKey(), now.plus(settings.familiarFor()))
                : LoginCounters.clear(attempt.pairKey()));
        if (attempt.addressKey() != null) {
            writes.add(LoginCounters.giveBackOne(attempt.addressKey()));
        }
        if (attempt.accountWideKey() != null) {
            writes.add(LoginCounters.giveBackOne(attempt.accountWideKey()));
        }
        counters.write(writes);
    }

    /**
     * Forgets the account-wide count and its back-off: after a password change or reset the earlier guesses were at a
     * password that is no longer, and this is how an owner held back at an unfamiliar address gets in at once.
     */
    public void forgetAccount(String accountId) {
        counters.delete("acct:" + Subject.account(accountId).hash());
    }
}
