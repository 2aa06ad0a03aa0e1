package org.baeum.base.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The roles of the portal. Spring authorities carry the {@code ROLE_} prefix; annotations use the names. */
public enum Role {
    CITIZEN, INSTRUCTOR, STAFF, ADMIN;

    /** For {@code @RolesAllowed} and {@code @PreAuthorize}: constants must be compile-time strings. */
    public static final String CITIZEN_NAME = "CITIZEN";
    public static final String INSTRUCTOR_NAME = "INSTRUCTOR";
    public static final String STAFF_NAME = "STAFF";
    public static final String ADMIN_NAME = "ADMIN";

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
