package dev.usersession.it.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/** What the database harnesses of the cluster tests share: running a command of this machine, finding a free port. */
final class LocalProcesses {

    private LocalProcesses() {}

    /** @return what the command printed (standard output and error); throws when it fails or takes over 2 minutes */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output));
        }
        return new String(output);
    }

    /** @return a TCP port on this machine that was free a moment ago */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
