package org.baeum.booking.club;

import java.time.Instant;
import java.util.List;

/**
 * A learning club (학습동아리) of a branch (decision 0045): its leader registered it, members joined with its join code.
 *
 * @param joinCode the code members join with; only its leader sees it (null for everyone else)
 * @param refusalReason STAFF's reason when {@link ClubStatus#REFUSED}, else null
 */
public record LearningClub(String id, String name, String description, String branchId, String leaderId,
                           String leaderName, List<ClubMember> members, ClubStatus status, String refusalReason,
                           String joinCode, Instant createdAt) {

    public LearningClub {
        members = List.copyOf(members);
    }

    /** The leader and the members. */
    public int size() {
        return members.size() + 1;
    }
}
