package com.crowdledger.it;

import com.crowdledger.CrowdledgerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the service, on a random port, on an existing PostgreSQL (the shared test context's, or one of
 * its own), with the tests' master key: a second node of the cluster. Settings are passed as command-line arguments,
 * which win over application.yml (default properties would not).
 */
public final class OtherNode {
    private OtherNode() {
    }

    /** @param settings {@code name=value} pairs, added to or replacing the defaults above */
    public static ConfigurableApplicationContext start(String name, String jdbcUrl, List<String> settings,
                                                       ApplicationContextInitializer<?>... initializers) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("spring.datasource.url", jdbcUrl);
        arguments.put("spring.datasource.username", "postgres");
        arguments.put("spring.datasource.password", TestInfrastructure.databasePassword());
        arguments.put("crowdledger.security.allow-http", "true");
        arguments.put("crowdledger.master-key", TestInfrastructure.MASTER_KEY);
        arguments.put("crowdledger.data-dir", tempDir(name));
        arguments.putAll(TestInfrastructure.WEBHOOK_SETTINGS);
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            arguments.put(pair[0], pair[1]);
        }
        return new SpringApplicationBuilder(CrowdledgerApplication.class)
                .initializers(initializers)
                .run(arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    public static ApiClient client(ConfigurableApplicationContext node) {
        return new ApiClient("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private static String tempDir(String name) {
        try {
            Path dir = Files.createTempDirectory("crowdledger-" + name + "-");
            dir.toFile().deleteOnExit(); // a node on an existing PostgreSQL leaves it empty, and the JVM removes it
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
