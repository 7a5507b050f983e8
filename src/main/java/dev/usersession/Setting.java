package dev.usersession;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once: its name, default, how its text is parsed and checked, the values it allows and what it
 * means. {@link SettingsTable} lists them all; {@link UserSessionConfig} reads them, the deployment checks them and
 * the settings reference ({@code docs/settings.md}) shows them.
 *
 * @param group where the reference shows it
 * @param name the property, such as {@code usersession.idle-timeout}
 * @param defaultValue the value when the property is absent or blank
 * @param shownDefault the default as the reference shows it (Markdown)
 * @param parse reads the trimmed text; throws, or returns {@code null}, for text of another type
 * @param check whether a parsed value can be used
 * @param allowed the values it allows, as a problem message and the reference name them
 * @param meaning what it does, one line of Markdown
 * @param <T> the type of its value
 */
record Setting<T>(
        SettingGroup group,
        String name,
        T defaultValue,
        String shownDefault,
        Function<String, T> parse,
        Predicate<T> check,
        String allowed,
        String meaning) {

    /** @return a setting whose value the reference shows as its default in code */
    static <T> Setting<T> of(
            SettingGroup group,
            String name,
            T defaultValue,
            Function<String, T> parse,
            Predicate<T> check,
            String allowed,
            String meaning) {
        return new Setting<>(
                group, name, defaultValue, "`" + describe(defaultValue) + "`", parse, check, allowed, meaning);
    }

    /** @return a duration above zero */
    static Setting<Duration> positive(SettingGroup group, String name, Duration defaultValue, String meaning) {
        return of(
                group,
                name,
                defaultValue,
                Duration::parse,
                value -> !value.isNegative() && !value.isZero(),
                "an ISO-8601 duration above zero, such as " + defaultValue,
                meaning);
    }

    /** @return a whole number of at least {@code minimum} */
    static Setting<Integer> atLeast(SettingGroup group, String name, int minimum, int defaultValue, String meaning) {
        return of(
                group,
                name,
                defaultValue,
                Integer::valueOf,
                value -> value >= minimum,
                "a whole number of at least " + minimum,
                meaning);
    }

    /** @return {@code true} or {@code false}, in any case */
    static Setting<Boolean> flag(SettingGroup group, String name, boolean defaultValue, String meaning) {
        return of(
                group,
                name,
                defaultValue,
                value -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(value);
                },
                value -> true,
                "true or false",
                meaning);
    }

    /** @return the same setting, shown in the reference with a default described in words */
    Setting<T> shownDefault(String words) {
        return new Setting<>(group, name, defaultValue, words, parse, check, allowed, meaning);
    }

    /**
     * Reads this setting from its text in the configuration sources.
     *
     * @param text the property's text; empty when it is absent
     * @return the value; the default when the text is absent or blank
     * @throws IllegalStateException naming the setting, the text and the values it allows, when the text cannot be
     *     used
     */
    T read(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return defaultValue;
        }
        T parsed;
        try {
            parsed = parse.apply(text.get().trim());
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !check.test(parsed)) {
            throw new IllegalStateException("The setting " + name + " has a value that cannot be used: '" + text.get()
                    + "'; allowed: " + allowed + " (default: " + describe(defaultValue) + ")");
        }
        return parsed;
    }

    private static String describe(Object defaultValue) {
        if (defaultValue instanceof Set<?> set && set.isEmpty()) {
            return "none";
        }
        if (defaultValue instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return String.valueOf(defaultValue);
    }

    /** @return a comma-separated list, its entries trimmed, empty entries dropped */
    static List<String> commaSeparated(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }
}
