package org.baeum.account;

/** What opening a link from a mail did. Pages show a translated text for each ({@code link.<NAME>}). */
public enum LinkOutcome {
    /** It worked (address confirmed, password set). */
    DONE,
    /** It was already done before (e.g. address confirmed earlier); nothing changed. */
    ALREADY_DONE,
    /** The link's time is up; ask for a new one. */
    EXPIRED,
    /** The link was used before. */
    USED,
    /** Not a link of ours, or changed on the way. */
    INVALID
}
