package dev.usersession.it.app;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/** The same counter as {@link Counter}, kept in the container's {@code HttpSession}: the in-memory baseline. */
@SessionScoped
public class HttpCounter implements Serializable {
    private static final long serialVersionUID = 1L;

    private int count;

    public int increment() {
        return ++count;
    }

    public int count() {
        return count;
    }
}
