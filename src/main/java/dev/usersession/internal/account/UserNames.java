package dev.usersession.internal.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What the library accepts as a submitted user name, and the one form in which login throttling counts it.
 * Identity stores often compare names loosely (LDAP, or a database whose collation ignores case and trailing
 * spaces), so {@code Alice}, {@code alice } and {@code ALICE} may all reach one account: throttling counts them
 * together, on the NFKC form, trimmed and lower-cased in the root locale. Merging names can only make throttling
 * stricter.
 */
public final class UserNames {

    /** The longest user name an account can have; a longer submitted name is refused before anything else. */
    public static final int MAXIMUM_LENGTH = 255;

    private UserNames() {}

    /** @return whether a submitted name is longer than any account's name can be */
    public static boolean isTooLong(String userName) {
        return userName != null && userName.length() > MAXIMUM_LENGTH;
    }

    /** @return the form login throttling counts a name in (an absent name counts as the empty name) */
    public static String throttled(String userName) {
        if (userName == null) {
            return "";
        }
        String lowerCase =
                Normalizer.normalize(userName, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        // Lower-casing can leave a string that NFKC would still change (rare letters): normalise once more.
        return Normalizer.normalize(lowerCase, Normalizer.Form.NFKC);
    }
}
