package dev.usersession.jpa;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Group names stored in one column, one per line. */
final class Groups {

    private static final String SEPARATOR = "\n";

    private Groups() {
    }

    static String join(Set<String> groups) {
        for (String group : groups) {
            if (group.isBlank() || group.contains(SEPARATOR)) {
                throw new IllegalArgumentException("A group name must be non-blank and on one line: '" + group + "'");
            }
        }
        return String.join(SEPARATOR, groups);
    }

    static Set<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(joined.split(SEPARATOR)));
    }
}
