package com.crowdledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

/**
 * Timed work runs on the cluster's one scheduler (db-scheduler, ARCHITECTURE.md "One scheduler"): a Spring
 * {@code @Scheduled} method runs on every node at once, and forgets its deadlines when the node restarts.
 * Production classes only.
 */
class OneSchedulerTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.crowdledger");
    }

    @Test
    void noMethodIsScheduledPerNode() {
        noMethods().should().beAnnotatedWith(Scheduled.class)
                .orShould().beAnnotatedWith(Schedules.class)
                .because("a recurring job is a db-scheduler RecurringTask bean, run on one node at a time")
                .check(production);
    }

    @Test
    void springSchedulingIsNotEnabled() {
        noClasses().should().beAnnotatedWith(EnableScheduling.class)
                .because("deadlines, retries and purges go to db-scheduler, which survives restarts")
                .check(production);
    }
}
