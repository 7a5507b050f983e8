package dev.usersession;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The settings reference, {@code docs/settings.md}, is the table of settings as Markdown: it fails when the two
 * differ, and leaves the page as the declarations give it in {@code target/settings.md} to copy over.
 */
class SettingsReferenceTest {

    private static final Path PAGE = Path.of("docs/settings.md");

    @Test
    void theCheckedInReferenceShowsEveryDeclaredSettingAsDeclared() throws IOException {
        String expected = reference();
        String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/settings.md"), expected, StandardCharsets.UTF_8);
        }
        assertEquals(
                expected,
                actual,
                PAGE + " differs from the declarations in SettingsTable: copy " + "target/settings.md over it");
    }

    /** @return the reference page: one table per group, a row per setting in the table's order */
    static String reference() {
        StringBuilder page = new StringBuilder("""
                # Settings reference

                Every `usersession.*` setting, by group: its default, the values it allows and what it does. The
                library reads each from MicroProfile Config where the server has it (WildFly and Payara do: system
                properties, environment variables such as `USERSESSION_IDLE_TIMEOUT`, or
                `META-INF/microprofile-config.properties` in the application), else from system properties. Durations
                are ISO-8601 (`PT30M`: 30 minutes, `P30D`: 30 days). Every setting is read once and checked when the
                application deploys: a value that cannot be used (not of its type, out of its range, an absolute
                timeout shorter than the idle timeout) fails the deployment with a message naming the setting and the
                values it allows.

                An application can also replace the `UserSessionConfig` bean with an `@Alternative @Priority` subclass
                that overrides its getters; the library reads every setting through the bean. The exception is
                `usersession.mechanism.enabled`: it decides which beans exist, so it is read from the configuration
                sources before any bean is created, and a subclass that answers otherwise fails the deployment.

                This page is checked against the settings' declarations (`SettingsTable`) by `SettingsReferenceTest`.
                """);
        for (SettingGroup group : SettingGroup.values()) {
            page.append("\n## ")
                    .append(group.title())
                    .append("\n\n")
                    .append(group.summary())
                    .append("\n\n")
                    .append("| Setting | Default | Allowed values | Meaning |\n")
                    .append("|---|---|---|---|\n");
            for (Setting<?> setting : SettingsTable.ALL) {
                if (setting.group() == group) {
                    page.append("| `")
                            .append(setting.name())
                            .append("` | ")
                            .append(cell(setting.shownDefault()))
                            .append(" | ")
                            .append(cell(plain(setting.allowed())))
                            .append(" | ")
                            .append(cell(setting.meaning()))
                            .append(" |\n");
                }
            }
        }
        return page.toString();
    }

    /** A table cell: a '|' would end it. */
    private static String cell(String markdown) {
        return markdown.replace("|", "\\|");
    }

    /** Text that is not Markdown (the allowed values, as a problem message names them): nothing in it formats. */
    private static String plain(String text) {
        return text.replaceAll("([\\\\`*_])", "\\\\$1");
    }
}
