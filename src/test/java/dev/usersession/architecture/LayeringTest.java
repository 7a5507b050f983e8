package dev.usersession.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.usersession.UserSessions;
import dev.usersession.admin.UserSessionAdmin;
import dev.usersession.auth.UserAccounts;
import dev.usersession.auth.UserCredentials;
import dev.usersession.testing.LibraryClasses;
import org.junit.jupiter.api.Test;

/**
 * The package structure that the package javadoc describes, checked on the compiled classes: the public packages
 * never reach into {@code dev.usersession.internal}, the internal packages depend only downwards, and nothing inside
 * calls a public facade (a facade is for applications; the library calls its implementation).
 */
class LayeringTest {

    static final String[] PUBLIC_PACKAGES = {
        "dev.usersession", "dev.usersession.auth", "dev.usersession.admin", "dev.usersession.spi"
    };
    private static final String INTERNAL = "dev.usersession.internal.";

    private static final JavaClasses LIBRARY = LibraryClasses.imported();

    @Test
    void publicPackagesNeverDependOnInternalOnes() {
        noClasses()
                .that()
                .resideInAnyPackage(PUBLIC_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.usersession.internal..")
                .because("an application compiles against the public packages only, and the javadoc jar holds only"
                        + " them")
                .check(LIBRARY);
    }

    @Test
    void internalPackagesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Bootstrap")
                .definedBy(INTERNAL + "bootstrap..")
                .layer("Web")
                .definedBy(INTERNAL + "web..")
                .optionalLayer("Admin")
                .definedBy(INTERNAL + "admin..")
                .layer("Security")
                .definedBy(INTERNAL + "security..")
                .layer("Factors")
                .definedBy(
                        INTERNAL + "passkey..",
                        INTERNAL + "onetimecode..",
                        INTERNAL + "rememberme..",
                        INTERNAL + "devicebinding..")
                .layer("Login")
                .definedBy(INTERNAL + "login..")
                .layer("Request")
                .definedBy(INTERNAL + "account..", INTERNAL + "audit..", INTERNAL + "request..")
                .layer("Context")
                .definedBy(INTERNAL + "context..", INTERNAL + "operations..")
                .layer("Store")
                .definedBy(INTERNAL + "store..", INTERNAL + "state..", INTERNAL + "metrics..", INTERNAL + "errors..")
                .whereLayer("Bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Web")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Admin")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Web")
                .whereLayer("Security")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Web", "Admin")
                .whereLayer("Factors")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Web", "Admin", "Security")
                .whereLayer("Login")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Web", "Admin", "Security", "Factors")
                .whereLayer("Request")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Web", "Admin", "Security", "Factors", "Login")
                .whereLayer("Context")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Web", "Admin", "Security", "Factors", "Login", "Request")
                .check(LIBRARY);
    }

    @Test
    void internalPackagesAreFreeOfCycles() {
        slices().matching("dev.usersession.internal.(*)..")
                .should()
                .beFreeOfCycles()
                .check(LIBRARY);
    }

    @Test
    void nothingInsideCallsAPublicFacade() {
        noClasses()
                .that()
                .resideInAPackage("dev.usersession.internal..")
                .should()
                .accessClassesThat()
                .belongToAnyOf(UserSessions.class, UserAccounts.class, UserCredentials.class, UserSessionAdmin.class)
                .because("a facade only delegates to the implementation; the library calls the implementation")
                .check(LIBRARY);
    }
}
