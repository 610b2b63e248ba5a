package com.crowdledger.infra.web;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes the request threads to the machine: {@value #PER_CORE} per core, unless {@code server.tomcat.threads.max} is
 * set. A request is mostly CPU (a read spends more time in the framework than in PostgreSQL) with short waits on the
 * database, so a few threads per core keep the cores busy. Tomcat's default of 200 let every open connection's request
 * run at once: on two cores, 16 clients' reads were time-sliced against each other, and their p99 was five times their
 * median; with 6 threads the others wait their turn on the connector and the p99 fell from 20-25 ms to under 10 ms at a
 * higher rate (README "Crowdtesting"). Streams (server-sent events) are asynchronous and hold no thread.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
    static final int PER_CORE = 3;
    static final String SETTING = "server.tomcat.threads.max";

    private final Environment environment;

    RequestThreads(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (environment.containsProperty(SETTING)) {
            return;
        }
        int threads = PER_CORE * Runtime.getRuntime().availableProcessors();
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
            }
        });
    }

    /** After Spring Boot's own Tomcat settings, which would put back its default. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
