package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes accounts and keys the way a client would: through the API, with the token from the real mail. */
public final class TestAccounts {
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final ApiClient api;

    public TestAccounts(ApiClient api) {
        this.api = api;
    }

    /** An account with its first key (every scope of the role) as returned by register/api-key. */
    public record Registered(String accountId, String email, String key, String keyId) {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public Registered registerWithKey(String role, String mode) {
        String email = uniqueEmail();
        ApiClient.Response response = api.post("/v1/auth/register/api-key")
                .body(Map.of("email", email, "password", PASSWORD, "role", role, "name", "Team " + email.substring(5, 13),
                        "mode", mode))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Registered(response.data().path("account").path("id").asText(), email,
                response.data().path("apiKey").path("key").asText(),
                response.data().path("apiKey").path("id").asText());
    }

    public Registered verifiedOwner(String mode) {
        Registered registered = registerWithKey("owner", mode);
        verify(registered.email());
        return registered;
    }

    public void verify(String email) {
        ApiClient.Response response = api.post("/v1/auth/verify-email")
                .body(Map.of("token", tokenMailedTo(email))).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The token of the latest mail to this address; mail leaves after the commit, so it may take a moment. */
    public static String tokenMailedTo(String email) {
        Instant deadline = Instant.now().plusSeconds(10);
        List<MimeMessage> messages = mailsFor(email);
        while (messages.isEmpty() && Instant.now().isBefore(deadline)) {
            TestInfrastructure.SMTP.waitForIncomingEmail(200, 1);
            messages = mailsFor(email);
        }
        assertThat(messages).as("mail to " + email).isNotEmpty();
        Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(messages.get(messages.size() - 1)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    public static int mailsTo(String email) {
        return mailsFor(email).size();
    }

    private static List<MimeMessage> mailsFor(String email) {
        return Arrays.stream(TestInfrastructure.SMTP.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(email))
                .toList();
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues a key with the given scopes using {@code issuerKey}; returns the response (201 expected by callers). */
    public ApiClient.Response issueKey(String issuerKey, String name, List<String> scopes, String mode) {
        return api.post("/v1/auth/api-keys").key(issuerKey)
                .body(Map.of("name", name, "scopes", scopes, "mode", mode)).send();
    }
}
