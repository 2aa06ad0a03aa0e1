package org.baeum.base.audit;

import java.time.Instant;
import java.util.List;
import org.baeum.base.security.Role;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One entry of the personal-data access log, as stored in the {@code access_log} collection (public because the
 * driver's record codec needs it so) and as read back by ADMIN. Entries are written once and never changed.
 *
 * @param id               an ObjectId in hex: increases with time, so it orders entries written in the same millisecond
 * @param at               when the access happened (the portal's clock)
 * @param actorAccountId   the account that acted ({@code system} for the portal's own work)
 * @param actorUsername    its user name at that time
 * @param actorRoles       its roles at that time
 * @param action           what was done
 * @param subjectAccountId whose personal data it was; {@code null} when the action has no single subject (an export
 *                         of many citizens, an export of the log)
 * @param clientAddress    the browser's or API client's address as the portal sees it (after
 *                         {@code BAEUM_FORWARD_HEADERS} processing); {@code null} for work outside any request (jobs)
 * @param detail           optional free text; never passwords or resident registration numbers
 */
public record AccessLogEntry(@BsonId String id, Instant at, String actorAccountId, String actorUsername,
                             List<Role> actorRoles, AccessAction action, String subjectAccountId, String clientAddress,
                             String detail) {

    public AccessLogEntry {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }
}
