package com.crowdledger.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.infra.PlatformSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Without an SMTP server (the embedded default), the mail is written as an .eml file under the data dir. */
class VerificationMailSenderTest {

    @TempDir
    Path dataDir;

    @Test
    void writesTheMailAsAnEmlFileWithTheVerificationLink() throws IOException {
        VerificationMailSender sender = new VerificationMailSender(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new PlatformSettings(dataDir, "https://app.example.com"),
                new VerificationMailSender.MailSettings(null));

        sender.deliver("dev@example.com", "tok_123-abc");

        List<Path> files;
        try (Stream<Path> listed = Files.list(dataDir.resolve("mail"))) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).endsWith("dev@example.com.eml");
        String mail = Files.readString(files.get(0));
        assertThat(mail).contains("To: dev@example.com", "From: no-reply@crowdledger.local",
                "https://app.example.com/verify-email?token=tok_123-abc");
    }
}
