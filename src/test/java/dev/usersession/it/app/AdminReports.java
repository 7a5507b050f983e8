package dev.usersession.it.app;

import dev.usersession.auth.RequiresLogin;
import jakarta.enterprise.context.ApplicationScoped;

/** Roles on the class guard the method it inherits from an unannotated base class. */
@ApplicationScoped
@RequiresLogin(roles = "admin")
public class AdminReports extends ReportArchive {}
