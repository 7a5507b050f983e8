package dev.usersession;

/**
 * CDI event fired once when a user session ends, after its rows were deleted and before
 * {@code @Destroyed(UserSession.class)}. Observe it with {@code void ended(@Observes UserSessionEnded event)}.
 *
 * @param session the session as it was when it ended
 * @param reason why it ended
 */
public record UserSessionEnded(UserSessionInfo session, EndReason reason) {}
