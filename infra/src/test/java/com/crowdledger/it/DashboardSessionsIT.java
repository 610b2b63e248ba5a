package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.crypto.Digests;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Dashboard sessions: which CSRF tokens and cookies are refused, and where a session is no credential at all. */
class DashboardSessionsIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void unsafeRequestWithAWrongCsrfTokenIsRefused() {
        Session session = login(accounts.verifiedOwner("test"));
        ApiClient.Response wrong = issueKey(session.cookie(), "not-the-token");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(issueKey(session.cookie(), session.csrfToken()).status()).isEqualTo(201);
    }

    @Test
    void csrfTokenOfAnotherSessionIsRefused() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Session mine = login(owner);
        Session other = login(owner); // the same account, even: a token belongs to its session only
        ApiClient.Response crossed = issueKey(mine.cookie(), other.csrfToken());
        assertThat(crossed.status()).isEqualTo(403);
        assertThat(crossed.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void expiredSessionIsRefused() {
        Session session = login(accounts.verifiedOwner("test"));
        assertThat(api.get("/v1/auth/api-keys").header("Cookie", session.cookie()).send().status()).isEqualTo(200);
        jdbc.update("update dashboard_sessions set expires_at = now() - interval '1 second' where csrf_hash = ?",
                Digests.sha256Hex(session.csrfToken()));

        ApiClient.Response expired = api.get("/v1/auth/api-keys").header("Cookie", session.cookie()).send();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("INVALID_API_KEY");
        assertThat(issueKey(session.cookie(), session.csrfToken()).status()).isEqualTo(401);
    }

    @Test
    void sessionCookieIsNoCredentialOnAKeyOnlyRoute() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Session session = login(owner);
        ApiClient node = SecondInstance.api(dataSource).from(api.clientAddress());
        assertThat(node.get("/v1/auth/me").header("Cookie", session.cookie()).send().status())
                .as("the session is valid where sessions are accepted").isEqualTo(200);

        ApiClient.Response withCookie = node.get(KeyOnlyRoute.PATH).header("Cookie", session.cookie()).send();
        assertThat(withCookie.status()).isEqualTo(401);
        assertThat(withCookie.errorCode()).isEqualTo("INVALID_API_KEY");
        assertThat(node.get(KeyOnlyRoute.PATH).key(owner.key()).send().status()).isEqualTo(200);
    }

    private record Session(String cookie, String csrfToken) {
    }

    private Session login(TestAccounts.Registered owner) {
        ApiClient.Response login = api.post("/v1/auth/login")
                .body(Map.of("email", owner.email(), "password", TestAccounts.PASSWORD)).send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Session(login.header("Set-Cookie").split(";", 2)[0], login.data().path("csrfToken").asText());
    }

    private ApiClient.Response issueKey(String cookie, String csrfToken) {
        return api.post("/v1/auth/api-keys").header("Cookie", cookie).header("X-CSRF-Token", csrfToken)
                .body(Map.of("name", "dash", "scopes", List.of("keys"), "mode", "test")).send();
    }
}
