package com.crowdledger.infra.mail;

import com.crowdledger.command.account.VerificationMail;
import com.crowdledger.infra.PlatformSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the verification mail by SMTP when {@code spring.mail.host} is set; otherwise writes it as an .eml file
 * under {@code <data dir>/mail/} and logs its path, so the embedded default works with no mail server.
 */
@Component
class VerificationMailSender implements VerificationMail {
    private static final Logger log = LoggerFactory.getLogger(VerificationMailSender.class);

    private final JavaMailSender smtp;
    private final PlatformSettings platform;
    private final MailSettings settings;

    VerificationMailSender(ObjectProvider<JavaMailSender> smtp, PlatformSettings platform, MailSettings settings) {
        this.smtp = smtp.getIfAvailable();
        this.platform = platform;
        this.settings = settings;
    }

    /** {@code crowdledger.mail.from}: the sender of every mail (default {@code no-reply@crowdledger.local}). */
    @ConfigurationProperties("crowdledger.mail")
    record MailSettings(String from) {
        MailSettings {
            from = from == null ? "no-reply@crowdledger.local" : from;
        }
    }

    @Override
    public void send(String email, String name, String token) {
        String link = platform.publicBaseUrl() + "/verify-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try {
            MimeMessage message = smtp != null ? smtp.createMimeMessage()
                    : new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email));
            message.setSubject("Verify your Crowdledger e-mail address", "UTF-8");
            message.setText("""
                    Hello %s,

                    confirm this address to activate your account and its API keys:

                    %s

                    Or send the token to POST /v1/auth/verify-email: {"token": "%s"}
                    The link works for 48 hours.
                    """.formatted(name, link, token), "UTF-8");
            message.setSentDate(java.util.Date.from(Instant.now()));
            if (smtp != null) {
                smtp.send(message);
            } else {
                writeToFile(message, email);
            }
        } catch (MessagingException | IOException | org.springframework.mail.MailException e) {
            // The account is registered either way; the client can ask for the mail again by registering anew
            // only after support intervenes, so the failure must be loud.
            log.error("Could not send the verification mail to {}", email, e);
        }
    }

    private void writeToFile(MimeMessage message, String email) throws IOException, MessagingException {
        Path dir = Files.createDirectories(platform.dataDir().resolve("mail"));
        String safeRecipient = email.replaceAll("[^A-Za-z0-9@._-]", "_");
        Path file = dir.resolve(System.currentTimeMillis() + "-" + safeRecipient + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        log.info("No SMTP server set (spring.mail.host): verification mail for {} written to {}", email,
                file.toAbsolutePath());
    }
}
