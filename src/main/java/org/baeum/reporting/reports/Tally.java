package org.baeum.reporting.reports;

import java.util.BitSet;
import org.baeum.reporting.internal.FeedOffering;
import org.baeum.reporting.internal.YearTable;

/**
 * The participation of one group: courses (offerings not cancelled), 실인원 (distinct persons, never summed: a total
 * is its own tally) and 연인원 (sessions attended; for a membership, its visits checked in at the desk, decision 0044).
 * A group that holds only memberships without sessions and without any visit has no 연인원 ({@code null}).
 */
final class Tally {

    private final BitSet courses = new BitSet();
    private final BitSet people = new BitSet();
    private long sessions;
    private boolean sessionBased;
    private boolean membership;
    private boolean visited;

    /** Counts an offering of the group as a course unless it was cancelled. */
    void course(FeedOffering offering, int globalOffering) {
        kind(offering);
        if (!offering.cancelled()) {
            courses.set(globalOffering);
        }
    }

    /** Counts an entry of the group if it is a participant: its person once, its sessions attended. */
    void entry(YearTable table, int entry, int globalPerson) {
        if (!table.participant(entry)) {
            return;
        }
        kind(table.offeringOf(entry));
        people.set(globalPerson);
        int attended = table.attended(entry);
        sessions += attended;
        if (attended > 0 && YearTable.membership(table.offeringOf(entry))) {
            visited = true;
        }
    }

    private void kind(FeedOffering offering) {
        if (YearTable.membership(offering)) {
            membership = true;
        } else {
            sessionBased = true;
        }
    }

    long courses() {
        return courses.cardinality();
    }

    long people() {
        return people.cardinality();
    }

    /** 연인원, or {@code null} when the group has memberships only and none of them was visited. */
    Long personSessions() {
        return membership && !sessionBased && !visited ? null : sessions;
    }
}
