package dev.usersession.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On Payara Micro (each deployment is a process of its own), makes sure no Payara Micro process outlives its test
 * class, and that a start that failed says why.
 * <p>
 * After Arquillian has undeployed, waits for the processes this JVM started to exit, and kills any that does not: a
 * process whose start failed (the adapter gives up when Payara Micro has not printed its instance configuration in
 * {@code startupTimeoutInSeconds}) is never stopped by the adapter and would otherwise hold the HTTP port for every
 * class after it. When the class failed and such a process is still alive, or a process does not stop when asked, its
 * threads are dumped first (its JDK's {@code jcmd}, written next to the Payara runtime directory, the deadlock section
 * or the main thread printed here): Payara Micro 7 has been seen to hang while booting with its run-level services
 * started on several threads, which the test servers now start on one (arquillian.xml).
 * <p>
 * Registered for all tests through {@code META-INF/services} (autodetection: {@code junit-platform.properties}),
 * active only in the payara run; elsewhere it does nothing.
 */
public final class PayaraMicroProcesses implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!"payara".equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        List<ProcessHandle> left = ProcessHandle.current()
                .descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("payara-micro"))
                .toList();
        boolean classFailed = context.getExecutionException().isPresent();
        for (ProcessHandle process : left) {
            if (classFailed && process.isAlive()) {
                dumpThreads(process, context.getRequiredTestClass().getSimpleName());
            }
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException hung) {
                System.err.println("Payara Micro process " + process.pid() + " did not stop; killing it");
                if (!classFailed) {
                    dumpThreads(process, context.getRequiredTestClass().getSimpleName());
                }
                process.destroyForcibly();
                process.onExit().get(20, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Writes the threads of a Payara Micro that outlived a failed class or did not stop to a file, and prints the part
     * that tells why it hung: the JVM's deadlock report if it found one, else the main thread's stack.
     */
    private static void dumpThreads(ProcessHandle process, String testClass) throws IOException, InterruptedException {
        Path jcmd = Path.of(process.info().command().orElseThrow()).resolveSibling("jcmd");
        Path file = Path.of(System.getProperty("payara.runtime", "target"))
                .resolveSibling(testClass + "-payara-micro-" + process.pid() + "-threads.txt");
        Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print", "-l")
                .redirectErrorStream(true)
                .redirectOutput(file.toFile())
                .start();
        if (!dump.waitFor(30, TimeUnit.SECONDS)) {
            dump.destroyForcibly();
        }
        String threads = Files.readString(file, StandardCharsets.UTF_8);
        int deadlock = threads.indexOf("Found one Java-level deadlock");
        String telling = deadlock >= 0 ? threads.substring(deadlock) : mainThread(threads);
        System.err.println("Payara Micro process " + process.pid() + " was still running when " + testClass
                + " failed; its threads are in " + file + "\n" + telling);
    }

    private static String mainThread(String threads) {
        int start = threads.indexOf("\"main\"");
        if (start < 0) {
            return threads;
        }
        int end = threads.indexOf("\n\n", start);
        return end < 0 ? threads.substring(start) : threads.substring(start, end);
    }
}
