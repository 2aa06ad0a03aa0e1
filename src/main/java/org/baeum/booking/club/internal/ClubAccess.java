package org.baeum.booking.club.internal;

import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may act on a club, for the services' {@code @PreAuthorize} ({@code @clubAccess.leads(#clubId)}): its leader
 * changes it and requests slots; the leader and members see it. An unknown club answers false, as one of others.
 */
@Component("clubAccess")
public class ClubAccess {

    private final ClubRepository clubs;
    private final CurrentUser currentUser;

    ClubAccess(ClubRepository clubs, CurrentUser currentUser) {
        this.clubs = clubs;
        this.currentUser = currentUser;
    }

    /** The signed-in citizen leads the club. */
    public boolean leads(String clubId) {
        String me = me();
        return me != null && clubId != null && clubs.find(clubId).map(c -> c.leaderId().equals(me)).orElse(false);
    }

    /** The signed-in citizen leads the club or is one of its members. */
    public boolean belongs(String clubId) {
        String me = me();
        return me != null && clubId != null && clubs.find(clubId)
                .map(c -> c.leaderId().equals(me) || c.members().stream().anyMatch(m -> m.accountId().equals(me)))
                .orElse(false);
    }

    private String me() {
        return currentUser.get().map(BaeumUser::accountId).orElse(null);
    }
}
