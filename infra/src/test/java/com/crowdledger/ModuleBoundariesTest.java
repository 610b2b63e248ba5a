package com.crowdledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, as a test (DESIGN.md "Modules").
 *
 * <pre>
 *   shared-events (com.crowdledger.shared / .events / .queries)  the published contract, plain Java
 *        ^                      ^
 *   command-side            query-side        (com.crowdledger.command / com.crowdledger.query)
 *        ^                      ^
 *   infra (com.crowdledger.infra and the application class in com.crowdledger): the composition root
 * </pre>
 *
 * Dependencies point one way, up this picture. The write side and the read side never import each other: they
 * meet only through the events of the contract. Neither knows the composition root that wires them. The contract
 * is plain Java (Jackson and JSpecify nullness annotations at most): no Spring, no JPA, no Axon, so any consumer
 * can read the events.
 * Production classes only: tests may reach across.
 */
class ModuleBoundariesTest {
    private static final String COMMAND = "com.crowdledger.command..";
    private static final String QUERY = "com.crowdledger.query..";
    /** The composition root: the infra packages and the Spring Boot application in the root package. */
    private static final String[] INFRA = {"com.crowdledger.infra..", "com.crowdledger"};
    private static final String[] CONTRACT = {"com.crowdledger.shared..", "com.crowdledger.events..",
            "com.crowdledger.queries.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.crowdledger");
    }

    @Test
    void commandSideKnowsNeitherQuerySideNorInfra() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAPackage(QUERY)
                .orShould().dependOnClassesThat().resideInAnyPackage(INFRA)
                .because("the write model meets the read side only through events, and never its composition root")
                .check(production);
    }

    @Test
    void querySideKnowsNeitherCommandSideNorInfra() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAPackage(COMMAND)
                .orShould().dependOnClassesThat().resideInAnyPackage(INFRA)
                .because("read models are built from events alone, and never know their composition root")
                .check(production);
    }

    @Test
    void contractKnowsNoModuleThatUsesIt() {
        noClasses().that().resideInAnyPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY)
                .orShould().dependOnClassesThat().resideInAnyPackage(INFRA)
                .because("shared-events is the bottom of the dependency graph")
                .check(production);
    }

    @Test
    void contractUsesNoSpringJpaOrAxon() {
        noClasses().that().resideInAnyPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.axonframework..")
                .because("events are stored forever and read by other services: the contract is plain Java")
                .check(production);
    }

    @Test
    void contractIsPlainJavaWithAnnotationsAtMost() {
        classes().that().resideInAnyPackage(CONTRACT)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.crypto..", "com.fasterxml.jackson.annotation..", "org.jspecify.annotations..",
                        CONTRACT[0], CONTRACT[1], CONTRACT[2])
                .because("DESIGN.md: shared-events is plain Java (Jackson annotations, and JSpecify's @Nullable that "
                        + "the API description reads, at most)")
                .check(production);
    }
}
