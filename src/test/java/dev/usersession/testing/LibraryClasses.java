package dev.usersession.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Comparator;
import java.util.List;

/**
 * The classes compiled from the library's sources (not the tests'), read once: for the tests that check every class of
 * a kind (every entity is in the mapping file, every public exception has a code, the layering, the public API).
 */
public final class LibraryClasses {

    private static final JavaClasses IMPORTED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.usersession");

    private LibraryClasses() {}

    /** @return the classes as ArchUnit reads them */
    public static JavaClasses imported() {
        return IMPORTED;
    }

    /** @return the loaded classes, by name */
    public static List<Class<?>> all() {
        return IMPORTED.stream()
                .map(JavaClass::reflect)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }
}
