package org.baeum.attendance.transcript;

import java.util.List;
import org.baeum.account.ParticipantId;

/** One participant's completed programs, newest first, and their total hours. */
public record ParticipantTranscript(ParticipantId participant, String name, List<TranscriptItem> items) {

    public double totalHours() {
        return items.stream().mapToDouble(TranscriptItem::hours).sum();
    }
}
