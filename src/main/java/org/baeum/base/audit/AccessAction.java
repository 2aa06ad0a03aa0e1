package org.baeum.base.audit;

/**
 * What a staff member (or the portal acting for one) did with a citizen's personal data. Each value has a text
 * {@code accessAction.<NAME>} in both message bundles. Add values at the end; never rename one, because entries
 * already written keep the name.
 */
public enum AccessAction {
    /** Opened the full profile (name, contact details, birth date, district) in a detail view. */
    VIEW_PROFILE,
    /** Opened the household members of an account. */
    VIEW_HOUSEHOLD,
    /** Opened the documents or status of a fee-reduction eligibility. */
    VIEW_ELIGIBILITY,
    /** Approved or refused a fee-reduction eligibility. */
    DECIDE_ELIGIBILITY,
    /** Exported personal data of one or more citizens (rosters, lists) to a file. */
    EXPORT_PERSONAL_DATA,
    /** Reset someone's password. */
    RESET_PASSWORD,
    /** Deactivated an account. */
    DEACTIVATE_ACCOUNT,
    /** Reactivated an account. */
    REACTIVATE_ACCOUNT,
    /** Created an account for someone (at the desk or on the phone). */
    CREATE_ACCOUNT,
    /** Acted for a citizen who asked for help (sign-up for a class, a booking, a cancellation). */
    ASSISTED_ACTION,
    /** An ADMIN exported the access log itself. */
    EXPORT_ACCESS_LOG,
    /** Opened the content of a notification sent to someone (outbox). */
    VIEW_NOTIFICATION,
    /** An instructor opened the full contact of a participant on their class roster. */
    VIEW_CONTACT,
    /** Approved a participant's output (학습 또는 연구 산출물) towards an honorary citizen degree. */
    APPROVE_DEGREE_OUTPUT,
    /** Awarded an honorary citizen degree (명예시민학위) to a participant. */
    AWARD_DEGREE,
    /** Searched the front desk by a name or a code; the detail has the kind of search and the number of matches. */
    DESK_SEARCH,
    /** Took back a check-in made at the front desk by mistake (the same day). */
    UNDO_CHECK_IN
}
