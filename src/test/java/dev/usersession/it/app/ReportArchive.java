package dev.usersession.it.app;

/** A base class without {@code @RequiresLogin}: its method is guarded by what {@link AdminReports} declares. */
public class ReportArchive {

    public String archived() {
        return "archived reports";
    }
}
