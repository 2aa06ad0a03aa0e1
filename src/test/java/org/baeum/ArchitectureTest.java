package org.baeum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of docs/architecture: base knows no feature; features meet only at each other's root. */
class ArchitectureTest {

    static final List<String> FEATURES = List.of("account", "calendar", "catalog", "facility", "notification",
            "enrollment", "attendance", "survey", "reporting", "capacity", "recruitment", "booking", "closure");
    /** The features that keep resources in the capacity ledger (decisions 0023, 0042: booking's slots). */
    static final String[] CAPACITY_USERS = {"org.baeum.capacity..", "org.baeum.catalog..", "org.baeum.facility..",
            "org.baeum.booking.."};
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baeum");
    }

    @Test
    void base_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.baeum.base..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream().map(f -> "org.baeum." + f + "..")
                        .toArray(String[]::new))
                .check(classes);
    }

    @Test
    void no_feature_reaches_into_another_features_internals_or_views() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("org.baeum." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.baeum." + feature + ".internal..", "org.baeum." + feature + ".ui..",
                            "org.baeum." + feature + ".api..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void the_calendar_depends_only_on_base() {
        noClasses().that().resideInAPackage("org.baeum.calendar..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream().filter(f -> !f.equals("calendar"))
                        .map(f -> "org.baeum." + f + "..").toArray(String[]::new))
                .because("catalog and facility read the calendar of days off, never the reverse (decision 0025)")
                .check(classes);
    }

    @Test
    void enrollment_rules_are_plain_java() {
        noClasses().that().haveFullyQualifiedName("org.baeum.enrollment.internal.EligibilityCheck")
                .or().haveFullyQualifiedName("org.baeum.enrollment.internal.Pricing")
                .or().haveFullyQualifiedName("org.baeum.enrollment.internal.OfferPolicy")
                .or().haveFullyQualifiedName("org.baeum.enrollment.StatutoryRefund")
                .or().haveFullyQualifiedName("org.baeum.enrollment.EnrollmentRules")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.baeum.base.mongo..", "org.baeum.base.security..")
                .because("enrolment's rules are plain classes, unit-tested without Spring or a database (issue 14)")
                .check(classes);
    }

    @Test
    void recruitment_depends_only_on_base_catalog_and_account() {
        classes().that().resideInAPackage("org.baeum.recruitment..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.baeum.recruitment..", "org.baeum.base..",
                        "org.baeum.catalog", "org.baeum.account", "java..", "javax.crypto..", "jakarta..", "com.mongodb..", "org.bson..",
                        "org.springframework..", "org.slf4j..", "tools.jackson..", "com.fasterxml..", "org.quartz..",
                        "com.vaadin..", "org.dhatim.fastexcel..")
                .because("rounds read offerings and households through their root services only (issue 15); "
                        + "recruitment.ui holds the public draw page and the staff screens; RoundExports writes XLSX")
                .check(classes);
    }

    @Test
    void views_never_use_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    @Test
    void features_have_no_cycles() {
        SlicesRuleDefinition.slices().matching("org.baeum.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_capacity_ledger_depends_on_nothing_but_base() {
        classes().that().resideInAPackage("org.baeum.capacity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.baeum.capacity..", "org.baeum.base..",
                        "java..", "com.mongodb..", "org.bson..", "org.springframework..", "org.slf4j..")
                .because("the ledger is shared by every feature that gives out numbered resources (decision 0023)")
                .check(classes);
    }

    @Test
    void only_the_features_that_own_resources_use_the_capacity_ledger() {
        noClasses().that().resideOutsideOfPackages(CAPACITY_USERS)
                .should().dependOnClassesThat().resideInAPackage("org.baeum.capacity..")
                .because("others move units through the owning feature's service, e.g. enrolment through SeatLedger "
                        + "(decision 0023)")
                .check(classes);
    }

    @Test
    void offering_seats_move_only_through_the_seat_ledger() {
        noClasses().that().resideInAPackage("org.baeum.catalog..")
                .and().doNotHaveFullyQualifiedName("org.baeum.catalog.SeatLedger")
                .and().doNotHaveFullyQualifiedName("org.baeum.catalog.CatalogService")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.baeum.capacity.CapacityLedger")
                .because("the catalog moves seats in SeatLedger and changes the capacity in CatalogService only")
                .check(classes);
    }

    @Test
    void only_the_enrolment_engine_changes_seats() {
        noClasses().that().resideOutsideOfPackages("org.baeum.catalog..", "org.baeum.enrollment", "org.baeum.enrollment.internal..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.baeum.catalog.SeatLedger")
                .because("seats change only through the enrolment engine's guarded steps (decision 0015)")
                .check(classes);
    }
}
