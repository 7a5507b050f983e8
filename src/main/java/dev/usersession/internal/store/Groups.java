package dev.usersession.internal.store;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Group names stored in one column, one per line. */
public final class Groups {

    private static final String SEPARATOR = "\n";

    private Groups() {}

    public static String join(Set<String> groups) {
        for (String group : groups) {
            if (group.isBlank() || group.contains(SEPARATOR)) {
                throw new IllegalArgumentException("A group name must be non-blank and on one line: '" + group + "'");
            }
        }
        return String.join(SEPARATOR, groups);
    }

    public static Set<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(joined.split(SEPARATOR)));
    }
}
