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
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the verification mail by SMTP when {@code spring.mail.host} is set; otherwise writes it as an .eml file
 * under {@code <data dir>/mail/} and logs its path, so the embedded default works with no mail server.
 *
 * <p>The mail leaves after the request's transaction commits (a rolled-back registration mails nothing), on a thread
 * of its own: a slow mail server never slows a registration, and the time an answer takes does not tell whether a
 * mail was sent. A failed mail is logged; the client can ask for another ({@code POST /v1/auth/verify-email/resend}).
 */
@Component
class VerificationMailSender implements VerificationMail, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(VerificationMailSender.class);
    private static final int QUEUE = 1_000;

    private final JavaMailSender smtp;
    private final PlatformSettings platform;
    private final MailSettings settings;
    private final ThreadPoolExecutor outbox = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "verification-mail");
                thread.setDaemon(true);
                return thread;
            }, (mail, executor) -> log.error("The mail outbox is full: a verification mail was dropped"));

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
    public void send(String email, String token) {
        Runnable mail = () -> deliver(email, token);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.execute(mail);
                }
            });
        } else {
            outbox.execute(mail);
        }
    }

    /** On shutdown, mails already queued get a few seconds to leave. */
    @Override
    public void destroy() throws InterruptedException {
        outbox.shutdown();
        if (!outbox.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("{} verification mails were not sent before shutdown", outbox.shutdownNow().size());
        }
    }

    void deliver(String email, String token) {
        String link = platform.publicBaseUrl() + "/verify-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try {
            MimeMessage message = smtp != null ? smtp.createMimeMessage()
                    : new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email));
            message.setSubject("Verify your Crowdledger e-mail address", "UTF-8");
            message.setText("""
                    Hello,

                    someone registered a Crowdledger account with this address. If that was you, confirm the
                    address to activate the account and its API keys:

                    %s

                    Or send the token to POST /v1/auth/verify-email: {"token": "%s"}

                    Confirm only if you registered yourself: confirming activates the account with the password
                    chosen at registration. If it was not you, ignore this mail. An unverified registration holds
                    the address for 48 hours at most; after that you can register it yourself.
                    """.formatted(link, token), "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            if (smtp != null) {
                smtp.send(message);
            } else {
                writeToFile(message, email);
            }
        } catch (MessagingException | IOException | MailException e) {
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
