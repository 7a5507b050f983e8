package dev.usersession.testing;

import java.util.HashMap;
import java.util.Map;

/** Sets library settings as system properties for one test, and puts the old values back. */
public final class Settings implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    /** @return settings that hold until closed */
    public static Settings of(String... namesAndValues) {
        Settings settings = new Settings();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.previous.put(namesAndValues[i], System.getProperty(namesAndValues[i]));
            System.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return settings;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
