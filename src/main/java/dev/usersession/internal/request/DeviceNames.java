package dev.usersession.internal.request;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import ua_parser.OS;
import ua_parser.Parser;
import ua_parser.UserAgent;

/**
 * Names the browser and system that a {@code User-Agent} header describes, as a person reads them: "Chrome 156 on
 * Linux", "Firefox 133 on Windows", "Safari 18 on iOS", "curl 8"; "Unknown browser" when the header is missing or
 * names nothing known. This is what a session's client description, and so the user's session list and the
 * administrators' console, shows instead of the header: the header is the client's own text, of any length.
 *
 * <p>The header is read with uap-java, the patterns of the ua-parser project (relocated inside the library jar). They
 * are compiled once, on first use (about 1,200 patterns: half a second to a second), and are safe to share between
 * threads. Only the first {@value #AGENT_READ_LENGTH} characters are read, because the patterns' cost grows with the
 * length: real headers are far shorter. Each part of a name (browser, major version, system) keeps at most
 * {@value #PART_LENGTH} characters among letters, digits, spaces and {@code . _ - / ( ) +}, since a pattern may copy a
 * part from the header. The version is the browser's major one; the system's is left out, because browsers freeze it
 * (Windows 11 says Windows 10, every Mac says 10.15.7). Chromium and Chrome send the same header, so both are Chrome.
 */
public final class DeviceNames {

    /** The name of a missing, empty or unrecognised user agent. */
    public static final String UNKNOWN = "Unknown browser";

    /** At most this many characters of the header are read. */
    static final int AGENT_READ_LENGTH = 512;

    /** At most this many characters of each part of a name. */
    static final int PART_LENGTH = 40;

    private static final Logger LOG = Logger.getLogger(DeviceNames.class.getName());

    /** Where the patterns' name also says the platform (the system says it already) or is a WebView's inner name. */
    private static final Map<String, String> BROWSERS = Map.of(
            "HeadlessChrome", "Chrome",
            "Chrome Mobile", "Chrome",
            "Chrome Mobile iOS", "Chrome",
            "Mobile Safari", "Safari",
            "Mobile Safari UI/WKWebView", "In-app browser",
            "Firefox Mobile", "Firefox",
            "Firefox iOS", "Firefox",
            "Edge Mobile", "Edge");

    private static final Map<String, String> SYSTEMS = Map.of("Mac OS X", "macOS");

    private static final String OTHER = "Other";

    private DeviceNames() {}

    /**
     * @param userAgent the {@code User-Agent} header, or null
     * @return the browser, its major version and the system, such as "Firefox 133 on Windows"; never longer than
     *     about three parts of {@value #PART_LENGTH} characters
     */
    public static String of(String userAgent) {
        Parser parser = Patterns.PARSER;
        if (userAgent == null || userAgent.isBlank() || parser == null) {
            return UNKNOWN;
        }
        String agent = userAgent.length() <= AGENT_READ_LENGTH ? userAgent : userAgent.substring(0, AGENT_READ_LENGTH);
        UserAgent browser;
        OS system;
        try {
            browser = parser.parseUserAgent(agent);
            system = parser.parseOS(agent);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "User agent not read", e);
            return UNKNOWN;
        }
        String name = part(browser.family);
        name = name.isEmpty() || name.equals(OTHER) ? UNKNOWN : BROWSERS.getOrDefault(name, name);
        String version = part(browser.major);
        if (!name.equals(UNKNOWN) && !version.isEmpty()) {
            name += " " + version;
        }
        String os = part(system.family);
        return os.isEmpty() || os.equals(OTHER) ? name : name + " on " + SYSTEMS.getOrDefault(os, os);
    }

    private static String part(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), PART_LENGTH));
        for (int i = 0; i < text.length() && kept.length() < PART_LENGTH; i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || " ._-/()+".indexOf(c) >= 0) {
                kept.append(c);
            }
        }
        return kept.toString().strip();
    }

    /** Holds the parser, so that it is built on first use, once, whichever thread comes first. */
    private static final class Patterns {

        static final Parser PARSER = build();

        private static Parser build() {
            try {
                return new Parser();
            } catch (RuntimeException e) {
                // A packaging fault: sessions still open, described as an unknown browser.
                LOG.log(Level.WARNING, "The user agent patterns could not be read; devices are shown as unknown", e);
                return null;
            }
        }
    }
}
