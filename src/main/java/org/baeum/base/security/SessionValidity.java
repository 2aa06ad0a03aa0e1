package org.baeum.base.security;

/**
 * Whether a signed-in session may go on. The account feature implements it: a session ends when its account is
 * gone or deactivated, or when the account's session epoch has moved on since sign-in (password changed or reset,
 * "sign out everywhere"). Asked on every request of the UI, so it must be cheap (one look-up by id).
 */
public interface SessionValidity {

    boolean stillValid(String accountId, long sessionEpoch);
}
