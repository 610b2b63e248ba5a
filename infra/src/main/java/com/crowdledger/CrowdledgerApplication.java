package com.crowdledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The composition root. It sits in the root package so that component, entity and repository scanning covers
 * every module (shared-events, command-side, query-side, infra) without an {@code @EntityScan}, which would hide
 * the entities Axon registers (event store, tokens).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrowdledgerApplication {
    public static void main(String[] args) {
        // A payment platform does not phone home: Axon's usage reporting stays off unless explicitly enabled.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(CrowdledgerApplication.class, args);
    }
}
