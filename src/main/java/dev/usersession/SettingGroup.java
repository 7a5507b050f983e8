package dev.usersession;

/** The groups of {@link Setting}s, in the order the settings reference ({@code docs/settings.md}) shows them. */
enum SettingGroup {
    SESSIONS("Sessions", "How long a session lives and how many a user may have."),
    COOKIE("Cookie and requests", "The session cookie, and what the library accepts and adds to requests."),
    MECHANISM(
            "Authentication mechanism and identity store",
            "Which mechanism authenticates callers, and how the library's identity store checks passwords."),
    LOGIN_THROTTLING(
            "Login throttling",
            "How failed logins slow down guessing: per user name, per trusted device, per client address and for the "
                    + "whole site."),
    REMEMBER_ME("Remember me", "\"Keep me signed in\"."),
    DEVICE_BINDING(
            "Device-bound sessions",
            "Binding sessions to a key the browser keeps (Device Bound Session Credentials), so that a copied cookie "
                    + "stops working off the device."),
    FACTORS("Second factors and passkeys", "One-time codes, recovery codes and passkeys."),
    CACHE("Cache and concurrency", "What a node keeps in memory, and how its requests of one session wait."),
    CLEANUP("Clean-up", "How expired sessions are removed from the store."),
    METRICS("Metrics and health", "Where the library's metrics go, and the readiness check."),
    ADMIN("Administration", "Who may use `UserSessionAdmin` and `/usersession/admin`.");

    private final String title;
    private final String summary;

    SettingGroup(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    /** @return the group's heading */
    String title() {
        return title;
    }

    /** @return one sentence on what the group's settings decide (Markdown) */
    String summary() {
        return summary;
    }
}
