package dev.usersession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Settings;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The table of settings is the one place a setting is declared: every declared setting is checked at deployment,
 * every getter of {@link UserSessionConfig} reads a declared setting, and every declared setting is read by a getter.
 */
class SettingsTableTest {

    /**
     * Text that no setting can use: not a duration, number, flag or constant; not a path, origin, host or key; with
     * a space and a ':' (no cookie name, issuer) and longer than a group name may be.
     */
    private static final String UNUSABLE = "not usable: " + "x".repeat(256);

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void everyDeclaredSettingWithAValueThatCannotBeUsedFailsTheDeploymentNamingIt() {
        String[] everySettingUnusable = SettingsTable.ALL.stream()
                .flatMap(setting -> Arrays.stream(new String[] {setting.name(), UNUSABLE}))
                .toArray(String[]::new);
        try (Settings settings = Settings.of(everySettingUnusable)) {
            DeploymentException failure = assertThrows(
                    DeploymentException.class,
                    () -> Containers.boot(Counter.class).close());

            String messages = messages(failure);
            for (Setting<?> setting : SettingsTable.ALL) {
                assertTrue(
                        messages.contains("The setting " + setting.name() + " has a value that cannot be used"),
                        setting.name() + " is not checked at deployment:\n" + messages);
            }
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void everyGetterReadsADeclaredSettingAndEveryDeclaredSettingHasAGetter() throws Exception {
        List<Method> getters = Arrays.stream(UserSessionConfig.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method ->
                        method.getParameterCount() == 0 && !method.getName().equals("problems"))
                .toList();
        Set<String> gettersReadingASetting = new HashSet<>();
        List<String> settingsWithoutGetter = new ArrayList<>();
        for (Setting<?> setting : SettingsTable.ALL) {
            try (Settings settings = Settings.of(setting.name(), UNUSABLE)) {
                UserSessionConfig config = new UserSessionConfig();
                boolean read = false;
                for (Method getter : getters) {
                    if (failsNaming(getter, config, setting)) {
                        gettersReadingASetting.add(getter.getName());
                        read = true;
                    }
                }
                if (!read) {
                    settingsWithoutGetter.add(setting.name());
                }
            }
        }
        assertEquals(List.of(), settingsWithoutGetter, "declared settings that no getter reads");
        assertEquals(
                Set.of(),
                getters.stream()
                        .map(Method::getName)
                        .filter(name -> !gettersReadingASetting.contains(name))
                        .collect(Collectors.toSet()),
                "getters that read no declared setting");
    }

    @Test
    void everySettingIsDeclaredOnce() {
        assertEquals(
                SettingsTable.ALL.size(),
                SettingsTable.ALL.stream().map(Setting::name).distinct().count());
    }

    private static boolean failsNaming(Method getter, UserSessionConfig config, Setting<?> setting)
            throws IllegalAccessException {
        try {
            getter.invoke(config);
            return false;
        } catch (InvocationTargetException failure) {
            return failure.getCause() instanceof IllegalStateException cannotBeUsed
                    && cannotBeUsed.getMessage().contains(setting.name() + " has a value");
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
