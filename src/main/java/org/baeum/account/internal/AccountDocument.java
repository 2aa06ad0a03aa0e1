package org.baeum.account.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baeum.base.security.Role;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of the {@code accounts} collection. User name and email are stored lower-case; a citizen's user name
 * is their email address. No resident registration number is ever stored (PIPA).
 *
 * @param mobile          optional mobile number, digits only ({@code 01012345678})
 * @param birthDate       citizens only: age rules and the 65+ fee reduction need it
 * @param district        citizens only: the Seoul district of residence ({@code District} code) for resident priority
 * @param emailVerifiedAt when the current email address was confirmed; {@code null} until then
 * @param sessionEpoch    raised on password change or reset, deactivation and "sign out everywhere": sessions and
 *                        tokens made under an older epoch end
 * @param reminders       whether the person wants reminder mail (essential mail is always sent)
 * @param linkMailAt      when a verification or reset mail last went out (one a minute at most: no mail bombing)
 * @param reductionClaims whether a fee-reduction claim of the household may ever have been approved: {@code false}
 *                        only on accounts made since decision 0060 that have never had one (a fee then needs no read
 *                        of the claims); set to {@code true} before a claim is approved and never set back;
 *                        {@code null} (older accounts, demo data): not known, the claims are read
 * @param noShowMarks     whether the account may ever have had a booking no-show mark, as booker or as participant:
 *                        {@code false} only on accounts made by sign-up since decision 0065 that never had one (a
 *                        booking then needs no read of the marks); set to {@code true} before a mark is stored and never
 *                        set back; {@code null} (older accounts, demo data): not known, the marks are read
 */
public record AccountDocument(@BsonId String id, String username, String email, String displayName, List<Role> roles,
                              boolean enabled, String language, String passwordHash, Instant createdAt,
                              String mobile, LocalDate birthDate, String district, Instant emailVerifiedAt,
                              Long sessionEpoch, Boolean reminders, Instant linkMailAt, Boolean reductionClaims,
                              Boolean noShowMarks) {

    public AccountDocument {
        roles = roles == null ? List.of() : List.copyOf(roles);
        sessionEpoch = sessionEpoch == null ? 0L : sessionEpoch;
        reminders = reminders == null ? Boolean.TRUE : reminders;
    }

    /** An account whose no-show marks are not known ({@code noShowMarks} null): they are read for every booking. */
    public AccountDocument(String id, String username, String email, String displayName, List<Role> roles,
                           boolean enabled, String language, String passwordHash, Instant createdAt,
                           String mobile, LocalDate birthDate, String district, Instant emailVerifiedAt,
                           Long sessionEpoch, Boolean reminders, Instant linkMailAt, Boolean reductionClaims) {
        this(id, username, email, displayName, roles, enabled, language, passwordHash, createdAt, mobile, birthDate,
                district, emailVerifiedAt, sessionEpoch, reminders, linkMailAt, reductionClaims, null);
    }

    /** An account whose claims are not known ({@code reductionClaims} null): they are read for every fee. */
    public AccountDocument(String id, String username, String email, String displayName, List<Role> roles,
                           boolean enabled, String language, String passwordHash, Instant createdAt,
                           String mobile, LocalDate birthDate, String district, Instant emailVerifiedAt,
                           Long sessionEpoch, Boolean reminders, Instant linkMailAt) {
        this(id, username, email, displayName, roles, enabled, language, passwordHash, createdAt, mobile, birthDate,
                district, emailVerifiedAt, sessionEpoch, reminders, linkMailAt, null, null);
    }

    /** A staff-side account (instructor, staff, admin) or a test account: no citizen profile, email confirmed. */
    public AccountDocument(String id, String username, String email, String displayName, List<Role> roles,
                           boolean enabled, String language, String passwordHash, Instant createdAt) {
        this(id, username, email, displayName, roles, enabled, language, passwordHash, createdAt,
                null, null, null, createdAt, 0L, true, null);
    }

    /** Known never to have had a no-show mark, as booker or participant (decision 0065). */
    public boolean noNoShowMarks() {
        return Boolean.FALSE.equals(noShowMarks);
    }

    /** Known never to have had an approved fee-reduction claim (decision 0060). */
    public boolean noReductionClaims() {
        return Boolean.FALSE.equals(reductionClaims);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
