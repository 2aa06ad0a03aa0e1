package org.baeum.attendance.transcript.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.attendance.degree.Degrees;
import org.baeum.attendance.degree.api.DegreeApi;
import org.baeum.attendance.transcript.ParticipantTranscript;
import org.baeum.attendance.transcript.TranscriptItem;
import org.baeum.attendance.transcript.Transcripts;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me/transcript} (CITIZEN): the household's learning history, {@code {"items": [{"program", "term",
 * "hours", "completedOn", "certificateCode", "participant", "sessions"}], "totalHours", "degrees", "degreeProgress"}}
 * (the degree fields from {@link DegreeApi}); 401 without a token, 403 for other roles.
 */
@RestController
class TranscriptApiController {

    private final Transcripts transcripts;
    private final Degrees degrees;

    TranscriptApiController(Transcripts transcripts, Degrees degrees) {
        this.transcripts = transcripts;
        this.degrees = degrees;
    }

    @GetMapping(path = "/api/v1/me/transcript", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> mine(Locale locale) {
        List<ParticipantTranscript> mine = transcripts.mine();
        List<Map<String, Object>> items = mine.stream().flatMap(p -> p.items().stream()).map(i -> item(i, locale))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("totalHours", mine.stream().mapToDouble(ParticipantTranscript::totalHours).sum());
        DegreeApi.extend(body, degrees.mine());
        return body;
    }

    private static Map<String, Object> item(TranscriptItem i, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", i.program(locale));
        m.put("term", i.term(locale));
        m.put("hours", i.hours());
        m.put("completedOn", i.completedOn().toString());
        m.put("certificateCode", i.certificateCode());
        m.put("participant", i.participantName());
        m.put("sessions", i.sessions());
        return m;
    }
}
