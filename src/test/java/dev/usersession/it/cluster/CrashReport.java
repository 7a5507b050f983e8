package dev.usersession.it.cluster;

import java.util.List;

/**
 * What the clients saw when node 1 was killed with SIGKILL while all of them were writing.
 *
 * @param clients each client's figures
 * @param survivorFailures responses other than 200 from node 2 during and after the crash
 */
record CrashReport(List<Client> clients, int survivorFailures) {

    /**
     * One client's figures.
     *
     * @param node the node it wrote to
     * @param requests requests sent
     * @param succeeded 200 responses
     * @param connectionFailures requests that got no response (the node was gone)
     * @param lastAcknowledged the last count a 200 response carried
     * @param stored the count stored afterwards (read through node 2)
     */
    record Client(String node, int requests, int succeeded, int connectionFailures, int lastAcknowledged, int stored) {}
}
