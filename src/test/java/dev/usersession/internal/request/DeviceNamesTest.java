package dev.usersession.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceNamesTest {

    static final String CHROMIUM_156_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0.0.0 Safari/537.36";

    /** What Debian's Chromium 156 sends with --headless (the example's browser tests). */
    static final String HEADLESS_CHROMIUM_156 = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " HeadlessChrome/156.0.0.0 Safari/537.36";

    /** Names are made of letters, digits, spaces and a few signs: never markup or control characters. */
    private static final String NAME = "[A-Za-z0-9 ._/()+-]+";

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                CHROMIUM_156_LINUX + "| Chrome 156 on Linux",
                HEADLESS_CHROMIUM_156 + "| Chrome 156 on Linux",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0| Firefox 133 on Windows",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/18.1 Mobile/15E148 Safari/604.1| Safari 18 on iOS",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/18.1 Safari/605.1.15| Safari 18 on macOS",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                        + " Safari/537.36 Edg/131.0.0.0| Edge 131 on Windows",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                        + " Mobile Safari/537.36| Chrome 131 on Android",
                "Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0| Firefox 133 on Android",
                "curl/8.11.1| curl 8",
                "Java-http-client/17.0.13| Unknown browser",
            })
    void namesTheBrowserItsMajorVersionAndTheSystem(String userAgent, String name) {
        assertEquals(name, DeviceNames.of(userAgent));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "x", "<script>alert(1)</script>/1.0"})
    void aMissingOrUnknownAgentIsAnUnknownBrowser(String userAgent) {
        assertEquals(DeviceNames.UNKNOWN, DeviceNames.of(userAgent));
    }

    @Test
    void hostileAgentsOfTenThousandCharactersGiveShortPlainNames() {
        List<String> hostile = List.of(
                "Mozilla/5.0 (" + "a;(b Chrome/1 ".repeat(715),
                "Mozilla/5.0 " + "(".repeat(5000) + ")".repeat(4988),
                "Mozilla/5.0 (X11; Linux x86_64) " + "A".repeat(9968),
                "Mozilla/5.0 (compatible; " + "A".repeat(200) + "bot/1.0) " + "<script>".repeat(1221),
                "Mozilla/5.0 (X11; Linux x86_64) Chrome/" + "9".repeat(100) + ".0 " + "Z".repeat(9858),
                "Mozilla/5.0 (compatible; A<>'\"&\u202e\u0000Spider/2.0)" + "\u0007".repeat(9956));
        for (String agent : hostile) {
            assertTrue(agent.length() >= 10_000, agent.length() + " characters");
            String name = DeviceNames.of(agent);
            assertTrue(name.length() <= 3 * DeviceNames.PART_LENGTH + " on ".length() + 1, name);
            assertTrue(name.matches(NAME), name);
        }
        assertEquals("A".repeat(DeviceNames.PART_LENGTH) + " 1", DeviceNames.of(hostile.get(3)));
        assertEquals("Chrome " + "9".repeat(DeviceNames.PART_LENGTH) + " on Linux", DeviceNames.of(hostile.get(4)));
        assertEquals("Spider 2", DeviceNames.of(hostile.get(5)));
    }

    @Test
    void manyThreadsAtOnceGetTheSameNames() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String agent = i % 2 == 0 ? CHROMIUM_156_LINUX : HEADLESS_CHROMIUM_156;
                names.add(threads.submit(() -> DeviceNames.of(agent)));
            }
            for (Future<String> name : names) {
                assertEquals("Chrome 156 on Linux", name.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
