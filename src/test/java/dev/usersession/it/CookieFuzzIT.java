package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.internal.context.SessionTokens;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist item 17: 10,000 hostile cookie values (SQL fragments, 10 KB strings, percent-encoded Unicode, empty,
 * padding, duplicates, near-miss tokens) get 401, never 500, and create nothing. Sent as raw bytes.
 *
 * <p>Raw control bytes and raw non-ASCII bytes in the Cookie header are {@link HostileCookieIT}'s subject (WildFly:
 * the library drops such pairs before Undertow parses them; Payara refuses such a request itself with a 400).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookieFuzzIT {

    private static final int VALUES = 10_000;

    /**
     * Payara refuses a request whose headers exceed 8 KiB with its own empty 400 before any application code runs
     * (WildFly allows more): such a value may get that 400 instead of the library's 401.
     */
    private static final int HEADER_LIMIT = 8 * 1024 - 100;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("fuzz");
    }

    @ArquillianResource
    URL base;

    @Test
    void hostileCookieValuesGet401AndNever500() {
        Browser inspector = new Browser(base);
        String sessionsBefore =
                inspector.get("test/db/count?table=user_session").body();
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> values = hostileValues(new Random(20261125));
        List<String> unexpected = new ArrayList<>();
        int oversized = 0;
        for (String value : values) {
            int status = RawHttp.getStatus(base, "protected", "Cookie: " + value);
            if (status == 400 && value.length() > HEADER_LIMIT) {
                oversized++;
                continue;
            }
            statuses.merge(status, 1, Integer::sum);
            if (status != 401 && unexpected.size() < 5) {
                unexpected.add(status + " for " + (value.length() > 80 ? value.substring(0, 80) + "..." : value));
            }
        }
        assertEquals(Map.of(401, VALUES - oversized), statuses, "status counts; first unexpected: " + unexpected);
        assertEquals(
                sessionsBefore,
                inspector.get("test/db/count?table=user_session").body());
    }

    private static List<String> hostileValues(Random random) {
        String name = Browser.COOKIE + "=";
        String[] fragments = {
            "' OR '1'='1",
            "'; DROP TABLE user_session; --",
            "\" OR 1=1 --",
            "%27%20OR%201=1",
            "../../etc/passwd",
            "${jndi:ldap://x}",
            "<script>alert(1)</script>",
            "=",
            "==",
            "%C3%A9",
            "%F0%9F%98%80",
            "\\",
            "%00",
            "null",
            "undefined",
            " ",
            ";",
            ",",
            "\t"
        };
        List<String> values = new ArrayList<>();
        while (values.size() < VALUES) {
            int kind = values.size() % 10;
            String token = SessionTokens.newToken();
            String value = switch (kind) {
                case 0 -> name + fragments[random.nextInt(fragments.length)];
                case 1 -> name + "A".repeat(random.nextInt(10_000) + 44);
                case 2 -> name;
                case 3 -> name + token + "=";
                case 4 -> name + token.substring(0, 42);
                case 5 -> name + token + "; " + name + SessionTokens.newToken();
                case 6 -> name + token.substring(0, 20) + "+" + token.substring(21);
                case 7 -> name + token.substring(0, 42) + "B";
                case 8 -> name + randomText(random, 43);
                default -> name + token;
            };
            values.add(value);
        }
        return values;
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5d)));
        }
        return text.toString().replace(';', ':').replace(',', '.');
    }
}
