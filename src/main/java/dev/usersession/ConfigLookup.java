package dev.usersession;

import java.util.Optional;

/**
 * Finds a setting's value: in MicroProfile Config when the server has it (which also covers system properties,
 * environment variables and {@code META-INF/microprofile-config.properties}), else in system properties.
 */
final class ConfigLookup {

    private static final boolean MICROPROFILE_CONFIG = isPresent("org.eclipse.microprofile.config.ConfigProvider");

    private ConfigLookup() {}

    static Optional<String> value(String name) {
        if (MICROPROFILE_CONFIG) {
            try {
                Optional<String> value = MicroProfile.value(name);
                if (value.isPresent()) {
                    return value;
                }
            } catch (IllegalStateException | LinkageError noConfigForThisApplication) {
                // MicroProfile Config classes are visible but not set up for this application: fall through.
            }
        }
        return Optional.ofNullable(System.getProperty(name));
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ConfigLookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept in its own class so that it is loaded only where MicroProfile Config exists. */
    private static final class MicroProfile {
        static Optional<String> value(String name) {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(name, String.class);
        }
    }
}
