package org.baeum.enrollment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Fee;
import org.baeum.recruitment.DrawnRound;
import org.baeum.recruitment.RoundId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The waiting lines a draw makes (decision 0029): per offering, its waiting participants in draw order, one block of
 * tickets and one insert for those not in line yet; and the ids every placed entry gets, derived from round,
 * application, participant and offering so that a repeated placement finds what it stored.
 */
@Component
class DrawnLines {

    private static final Logger log = LoggerFactory.getLogger(DrawnLines.class);

    private final EnrollmentRepository enrollments;
    private final EnrollmentLists lists;
    private final SeatsAsSystem seats;
    private final Waitlist waitlist;
    private final CrashPoints crash;

    DrawnLines(EnrollmentRepository enrollments, EnrollmentLists lists, SeatsAsSystem seats, Waitlist waitlist, CrashPoints crash) {
        this.enrollments = enrollments;
        this.lists = lists;
        this.seats = seats;
        this.waitlist = waitlist;
        this.crash = crash;
    }

    /**
     * Puts the offering's waiting participants in line in draw order: one read of those in line already, one block of
     * tickets for the others, one insert; what is stored under the line's ids is added to {@code queued}.
     * @return how many wait in this line from this round
     */
    int queue(PlacementContext c, OfferingId offeringId, List<Waiting> line,
                      Map<String, Map<OfferingId, Integer>> places, Map<String, EnrollmentDocument> queued) {
        Offering o = c.offering(offeringId);
        Map<String, Waiting> byId = new LinkedHashMap<>();
        line.forEach(w -> byId.put(entryId(c.round.round(), w.drawn.number(), w.participant.id(), offeringId), w));
        Map<String, EnrollmentDocument> stored = new HashMap<>();
        lists.findByIds(byId.keySet()).forEach(e -> stored.put(e.id(), e));
        List<String> missing = byId.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            var tickets = seats.queue(offeringId, missing.size()).orElse(null);
            if (tickets == null) {
                log.warn("Round {}: offering {} takes no waitlist (not published); {} applicant(s) not queued",
                        c.round.round().value(), offeringId.value(), missing.size());
                return 0;
            }
            long firstTicket = tickets.waitlistSeq() - missing.size() + 1;
            int firstPosition = tickets.waitlistLength() - missing.size() + 1;
            List<EnrollmentDocument> docs = new ArrayList<>(missing.size());
            for (int i = 0; i < missing.size(); i++) {
                Waiting w = byId.get(missing.get(i));
                Fee fee = c.fee(o, w.participant);
                docs.add(NewEntries.drawnWaiting(c.command(o, w.participant), missing.get(i), fee,
                        c.facts(o, w.participant, fee), firstTicket + i, firstPosition + i, w.drawn.number(), c.now));
            }
            crash.reached(CrashPoints.Step.SEAT_TAKEN);
            var duplicates = enrollments.insertAll(docs);
            if (!duplicates.isEmpty()) {
                seats.waitlistShrank(offeringId, duplicates.size()); // already in this line another way
            }
            for (int i = 0; i < docs.size(); i++) {
                if (!duplicates.contains(i)) {
                    stored.put(docs.get(i).id(), docs.get(i));
                }
            }
            crash.reached(CrashPoints.Step.RECORD_WRITTEN);
        }
        byId.forEach((id, w) -> Optional.ofNullable(stored.get(id)).filter(e -> e.positionAtJoin() != null)
                .ifPresent(e -> places.computeIfAbsent(w.drawn.number(), k -> new LinkedHashMap<>())
                        .merge(offeringId, e.positionAtJoin(), Math::min)));
        queued.putAll(stored);
        waitlist.dispatch(offeringId, null); // a seat a household could not fill goes to the first in line
        return stored.size();
    }

    /** The id of the entry a placement makes: the same on every run (decision 0029); the same on every run. */
    static String entryId(RoundId round, String number, ParticipantId participant, OfferingId offering) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((round.value() + "|" + number + "|"
                    + participant.value() + "|" + offering.value()).getBytes(StandardCharsets.UTF_8));
            return "drw-" + HexFormat.of().formatHex(hash, 0, 14);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A participant of a losing application (or a win without a seat) who waits on one offering. */
    record Waiting(DrawnRound.Drawn drawn, Participant participant) {
    }
}
