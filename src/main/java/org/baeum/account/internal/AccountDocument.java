package org.baeum.account.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.base.security.Role;
import org.bson.codecs.pojo.annotations.BsonId;

/** One document of the {@code accounts} collection. User name and email are stored lower-case. */
public record AccountDocument(@BsonId String id, String username, String email, String displayName, List<Role> roles,
                              boolean enabled, String language, String passwordHash, Instant createdAt) {
}
