package dev.usersession;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values of every setting of {@link SettingsTable}, read once from the configuration sources, and a problem for
 * each setting whose text cannot be used. Immutable.
 */
final class SettingsSnapshot {

    /** By identity: a getter's look-up stays a few instructions (a record's hash code would hash every part). */
    private final Map<Setting<?>, Object> values;

    private final Map<Setting<?>, String> problems;

    private SettingsSnapshot(Map<Setting<?>, Object> values, Map<Setting<?>, String> problems) {
        this.values = values;
        this.problems = problems;
    }

    /** @return every setting of the table read through {@code sources} (a property's text by its name) */
    static SettingsSnapshot read(Function<String, Optional<String>> sources) {
        Map<Setting<?>, Object> values = new IdentityHashMap<>();
        Map<Setting<?>, String> problems = new IdentityHashMap<>();
        for (Setting<?> setting : SettingsTable.ALL) {
            try {
                values.put(setting, setting.read(sources.apply(setting.name())));
            } catch (IllegalStateException cannotBeUsed) {
                problems.put(setting, cannotBeUsed.getMessage());
            }
        }
        return new SettingsSnapshot(values, problems);
    }

    /**
     * @return the setting's value
     * @throws IllegalStateException naming the setting and the values it allows, when its text cannot be used
     */
    @SuppressWarnings("unchecked")
    <T> T get(Setting<T> setting) {
        String problem = problems.get(setting);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return (T) values.get(setting);
    }

    /** @return one message per setting whose text cannot be used, in the table's order */
    List<String> problems() {
        return SettingsTable.ALL.stream()
                .filter(problems::containsKey)
                .map(problems::get)
                .toList();
    }
}
