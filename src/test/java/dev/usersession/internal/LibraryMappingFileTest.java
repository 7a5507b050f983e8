package dev.usersession.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.store.UserSessionEntity;
import dev.usersession.testing.LibraryClasses;
import dev.usersession.testing.TestPersistence;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * Applications list the library's entities with one line, {@code
 * <mapping-file>META-INF/usersession/orm.xml</mapping-file>}:
 * the file must name every entity the library has (one left out fails logins at run time, as an unknown entity, which
 * the library can only report as a store outage), and the provider must manage them from it alone. The unit tests'
 * own persistence units use that line, so this runs under Hibernate and under EclipseLink.
 */
class LibraryMappingFileTest {

    private static final String MAPPING_FILE = "META-INF/usersession/orm.xml";

    @Test
    void theMappingFileNamesEveryEntityOfTheLibrary() throws Exception {
        Set<String> entities = libraryEntities();

        assertTrue(entities.contains(UserSessionEntity.class.getName()), "found the library's entities: " + entities);
        assertEquals(entities, mappedClasses());
    }

    @Test
    void aPersistenceUnitThatNamesOnlyTheMappingFileManagesEveryEntity() throws Exception {
        EntityManagerFactory factory = TestPersistence.newFactory();
        try {
            Set<String> managed = factory.getMetamodel().getEntities().stream()
                    .map(EntityType::getJavaType)
                    .map(Class::getName)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertEquals(libraryEntities(), managed);
        } finally {
            factory.close();
        }
    }

    /** @return the classes the shipped mapping file names */
    private static Set<String> mappedClasses() throws Exception {
        try (InputStream xml = LibraryMappingFileTest.class.getClassLoader().getResourceAsStream(MAPPING_FILE)) {
            NodeList entities = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(xml)
                    .getElementsByTagName("entity");
            return IntStream.range(0, entities.getLength())
                    .mapToObj(i -> entities.item(i)
                            .getAttributes()
                            .getNamedItem("class")
                            .getNodeValue())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** @return every class of the library that is an {@code @Entity} */
    private static Set<String> libraryEntities() {
        return LibraryClasses.all().stream()
                .filter(type -> type.isAnnotationPresent(Entity.class))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
