package dev.usersession.auth;

import java.time.Instant;

/**
 * CDI event fired when a "keep me signed in" token that was already used is presented again after its grace window:
 * someone else has a copy of that browser's cookie. The library has ended all of the user's remembered browsers and
 * sessions; observe this to tell the user through another channel (an e-mail), as the browser that presented the
 * token is told with 401 {@code remember_me_stolen}.
 *
 * @param userName whose token it was
 * @param clientAddress the address that presented it
 * @param at when
 */
public record RememberMeStolen(String userName, String clientAddress, Instant at) {}
