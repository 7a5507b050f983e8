package dev.usersession.testing;

import dev.usersession.UserSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A {@code @UserSession} bean without read-only methods, as most applications write them: any call uses it. */
@UserSession
public class Wishlist implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> items = new ArrayList<>();

    public void add(String item) {
        items.add(item);
    }

    public List<String> items() {
        return List.copyOf(items);
    }
}
