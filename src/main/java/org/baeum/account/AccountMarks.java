package org.baeum.account;

import java.util.Collection;

import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What an account says about the person's past that saves other features a read (decision 0065): whether they ever had
 * a booking no-show mark. The booking feature marks an account before it stores a mark ({@link #noShowMarked}), never
 * unmarks it, and asks {@link #neverMarkedNoShow} before it reads the marks for a ban.
 */
@Service
public class AccountMarks {

    private final AccountRepository accounts;
    private final CurrentUser currentUser;

    AccountMarks(AccountRepository accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    /**
     * True only when {@code participantId} is the caller's own account, this HTTP request already read it with its
     * bearer token, and it was never marked: no read is made here. False otherwise (a dependant, another account, no
     * such read, an account older than decision 0065, or one that had a mark): the caller then reads the marks.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean neverMarkedNoShow(String participantId) {
        if (participantId == null || !participantId.equals(currentUser.require().accountId())) {
            return false;
        }
        return accounts.readInThisRequest(participantId).map(AccountDocument::noNoShowMarks).orElse(false);
    }

    /** Notes, before a no-show mark is stored, that these accounts (booker, participant) may have one. */
    @PreAuthorize(SystemIdentity.ONLY)
    public void noShowMarked(Collection<String> accountIds) {
        accounts.markNoShowMarks(accountIds);
    }
}
