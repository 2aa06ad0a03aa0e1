package org.baeum;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Starts the whole portal for a benchmark, from the test class path, with only the portal's own beans.
 *
 * <p>The benchmarks run with the test class path (they live in {@code src/test/java}), so {@link Application}'s
 * component scan also finds the test helpers annotated {@code @Component} ({@link TestAccounts}, {@link Mailbox},
 * {@code notification.OutboxRows}). {@code OutboxRows} needs the tests' {@link MutableClock}, whose
 * {@code @TestConfiguration} the scan leaves out, so the portal did not start at all ("required a bean of type
 * 'org.baeum.MutableClock'"). A {@link TypeExcludeFilter} bean, which {@code @SpringBootApplication}'s scan consults,
 * now leaves out every class compiled from {@code src/test/java}: the benchmark measures the portal as it ships.
 */
public final class BenchmarkPortal {

    private BenchmarkPortal() {
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Application.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(MainCodeOnly.class.getName(), new MainCodeOnly()))
                .run(args);
    }

    /** Excludes from the component scan every class found in the folder this class was loaded from (test classes). */
    static final class MainCodeOnly extends TypeExcludeFilter {

        private final Path testClasses;

        MainCodeOnly() {
            try {
                this.testClasses = Path.of(BenchmarkPortal.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toAbsolutePath().normalize();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            var resource = reader.getResource();
            return resource.isFile() && resource.getFile().toPath().toAbsolutePath().normalize().startsWith(testClasses);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MainCodeOnly o && o.testClasses.equals(testClasses);
        }

        @Override
        public int hashCode() {
            return testClasses.hashCode();
        }
    }
}
