package org.baeum.recruitment.draw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.recruitment.draw.DrawVectors.*;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The draw is plain Java (no Spring, no database), a pure function the due item can repeat after a crash. */
class DrawPurityTest {

    @Test
    void theDrawPackageUsesOnlyTheJdkAndJackson() {
        classes().that().resideInAPackage("org.baeum.recruitment.draw..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.baeum.recruitment.draw..", "java..",
                        "javax.crypto..", "tools.jackson..")
                .because("decision 0027: the draw is a pure function of its public record")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.baeum.recruitment.draw"));
    }

    @Test
    void anInputComparesItsSeedByContentAndNeverPrintsIt() {
        assertThat(input()).isEqualTo(input()).hasSameHashCodeAs(input());
        assertThat(new DrawInput(ROUND, new byte[32], OFFERINGS, APPLICATIONS)).isNotEqualTo(input());
        assertThat(input().toString()).doesNotContain(SEED_HEX.substring(0, 8)).contains("hidden");
        assertThat(Draw.run(input())).isEqualTo(Draw.run(input()));
    }
}
