package dev.usersession.it;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On Payara Micro (each deployment is a process of its own), makes sure no Payara Micro process outlives its test
 * class: after Arquillian has undeployed, waits for the processes this JVM started to exit, and kills any that does
 * not. Payara Micro 7 now and then deadlocks while it boots (HK2's run-level threads against Hazelcast, seen here);
 * such a process ignores the adapter's stop request and would otherwise hold the HTTP port for every class after it.
 * Registered for all tests through {@code META-INF/services} (autodetection: {@code junit-platform.properties}),
 * active only in the payara run; elsewhere it does nothing.
 */
public final class PayaraMicroProcesses implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!"payara".equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        List<ProcessHandle> left = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("payara-micro"))
                .toList();
        for (ProcessHandle process : left) {
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException hung) {
                System.err.println("Payara Micro process " + process.pid() + " did not stop; killing it");
                process.destroyForcibly();
                process.onExit().get(20, TimeUnit.SECONDS);
            }
        }
    }
}
