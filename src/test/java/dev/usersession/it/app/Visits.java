package dev.usersession.it.app;

import dev.usersession.UserSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Session state without read-only methods: any call uses it (the context tracks it; no interceptor is bound). */
@UserSession
public class Visits implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> pages = new ArrayList<>();

    public int record(String page) {
        pages.add(page);
        return pages.size();
    }

    public List<String> pages() {
        return List.copyOf(pages);
    }
}
