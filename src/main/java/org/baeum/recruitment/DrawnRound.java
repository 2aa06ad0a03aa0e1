package org.baeum.recruitment;

import java.time.Instant;
import java.util.List;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.OfferingId;

/**
 * A drawn round as enrolment places it (decision 0029): the stored draw joined with who each application covers, in
 * draw order. Only the portal itself reads it ({@link RoundDrawsService#drawn}): unlike the public record it names
 * households and participants.
 *
 * @param confirmationDeadline until when winners confirm their seat
 * @param over                 every phase and the confirmation deadline have passed ({@link RoundStatus#CLOSED})
 */
public record DrawnRound(RoundId round, Instant drawnAt, Instant confirmationDeadline, boolean over,
                         List<Drawn> inDrawOrder) {

    public DrawnRound {
        inDrawOrder = List.copyOf(inDrawOrder);
    }

    /**
     * One application: its place in the draw order (from 1), the household that made it, the participants it covers
     * (a seat each), its ranked choices and the offering it won ({@code null}: it lost).
     */
    public record Drawn(String number, int position, AccountId household, List<ParticipantId> participants,
                        List<OfferingId> choices, OfferingId won) {

        public Drawn {
            participants = List.copyOf(participants);
            choices = List.copyOf(choices);
        }

        public boolean lost() {
            return won == null;
        }
    }
}
