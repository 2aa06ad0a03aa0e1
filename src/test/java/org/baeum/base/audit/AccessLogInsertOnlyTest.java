package org.baeum.base.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access log cannot be changed from the portal: the only class that holds the {@code access_log} collection calls
 * nothing on it that updates, replaces or deletes, offers no method that could, and nothing else in the code can
 * reach the collection (by its name or as a typed collection of entries).
 */
class AccessLogInsertOnlyTest {

    /** Every MongoCollection method that changes or removes existing documents, or the collection itself. */
    static final String MUTATING = "(update|replace|delete|findOneAndUpdate|findOneAndReplace|findOneAndDelete|bulkWrite"
            + "|drop|dropIndex|dropIndexes|renameCollection).*";

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baeum");
    }

    @Test
    void the_repository_calls_no_update_replace_or_delete_on_its_collection() {
        noClasses().that().resideInAPackage("org.baeum.base.audit..")
                .should().callMethodWhere(DescribedPredicate.describe("a MongoCollection method that changes or removes documents",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(MongoCollection.class)
                                && call.getName().matches(MUTATING)))
                .check(classes);
    }

    @Test
    void only_the_repository_opens_a_collection_of_access_log_entries() {
        classes().that().areNotAssignableTo(AccessLogRepository.class)
                .should(new ArchCondition<>("not open a MongoCollection of AccessLogEntry") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean opensCollection = item.getMethodCallsFromSelf().stream().anyMatch(call ->
                                call.getTargetOwner().isAssignableTo(MongoDatabase.class)
                                        && call.getName().equals("getCollection"));
                        boolean namesEntryClass = item.getReferencedClassObjects().stream()
                                .anyMatch(ref -> ref.getRawType().isEquivalentTo(AccessLogEntry.class));
                        if (opensCollection && namesEntryClass) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " opens a collection and names AccessLogEntry.class"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void the_collection_name_appears_only_in_the_repository() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> naming = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("\"access_log\"")).toList();
            assertThat(naming).extracting(p -> p.getFileName().toString()).containsExactly("AccessLogRepository.java");
        }
    }

    @Test
    void the_repository_offers_only_insert_and_reads_and_hides_its_collection() {
        assertThat(Modifier.isPublic(AccessLogRepository.class.getModifiers())).isFalse();
        List<Method> methods = Arrays.stream(AccessLogRepository.class.getDeclaredMethods())
                .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic()).toList();
        assertThat(methods).extracting(Method::getName)
                .containsExactlyInAnyOrder("insert", "page", "count", "forEachNewest", "filter");
        assertThat(methods).noneSatisfy(m -> assertThat(MongoCollection.class.isAssignableFrom(m.getReturnType())).isTrue());
        assertThat(Arrays.stream(AccessLogRepository.class.getDeclaredFields())
                .filter(f -> MongoCollection.class.isAssignableFrom(f.getType())))
                .allSatisfy(f -> assertThat(Modifier.isPrivate(f.getModifiers())).isTrue());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
