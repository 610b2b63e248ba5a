package com.crowdledger.it;

import com.crowdledger.CrowdledgerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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

    public static ConfigurableApplicationContext start(String name, String jdbcUrl, List<String> settings,
                                                       ApplicationContextInitializer<?>... initializers) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--crowdledger.security.allow-http=true",
                "--crowdledger.master-key=" + TestInfrastructure.MASTER_KEY,
                "--crowdledger.data-dir=" + tempDir(name)));
        settings.forEach(setting -> arguments.add("--" + setting));
        return new SpringApplicationBuilder(CrowdledgerApplication.class)
                .initializers(initializers)
                .run(arguments.toArray(String[]::new));
    }

    public static ApiClient client(ConfigurableApplicationContext node) {
        return new ApiClient("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private static String tempDir(String name) {
        try {
            return Files.createTempDirectory("crowdledger-" + name + "-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
