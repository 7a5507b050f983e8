package dev.usersession.it.cluster;

/**
 * What the clients saw while the database was down for a few seconds.
 *
 * @param requests requests sent
 * @param succeeded 200 responses
 * @param unavailable 503 responses
 * @param otherStatuses any other outcome (a 500, a broken connection)
 * @param outageSeconds how long the database was down
 * @param recoverySeconds from the database's restart to the first success of every client
 * @param acknowledged the counts the clients last saw acknowledged, added up
 * @param stored the counts stored afterwards, added up
 * @param readinessDownSeconds from the database's stop until every node's readiness check said DOWN
 * @param readinessUpSeconds from the database's restart until every node's readiness check said UP again
 */
record OutageReport(
        int requests,
        int succeeded,
        int unavailable,
        int otherStatuses,
        double outageSeconds,
        double recoverySeconds,
        int acknowledged,
        int stored,
        double readinessDownSeconds,
        double readinessUpSeconds) {}
