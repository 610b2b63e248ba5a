package com.crowdledger.infra.auth;

import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.RandomTokens;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.processing.Subscribing;
import com.crowdledger.shared.web.Caller;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dashboard sessions: a random cookie token (HttpOnly, SameSite=Strict) plus a CSRF token that the dashboard
 * sends back as {@code X-CSRF-Token} on every unsafe request. Only SHA-256 fingerprints of both are stored.
 * A session acts for its account in both modes, with every scope of the account's role.
 */
@Component
@Subscribing
@ProcessingGroup("dashboard-sessions")
class DashboardSessions {
    static final String COOKIE = "crowdledger_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final JdbcTemplate jdbc;
    private final AccountViewRepository accounts;

    DashboardSessions(JdbcTemplate jdbc, AccountViewRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    record NewSession(String token, String csrfToken) {
    }

    NewSession open(String accountId) {
        NewSession session = new NewSession(RandomTokens.urlSafe(), RandomTokens.urlSafe());
        Instant now = Instant.now();
        jdbc.update("insert into dashboard_sessions (token_hash, csrf_hash, account_id, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?)",
                Digests.sha256Hex(session.token()), Digests.sha256Hex(session.csrfToken()), accountId,
                Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)));
        return session;
    }

    void close(HttpServletRequest request) {
        cookieToken(request).ifPresent(token ->
                jdbc.update("delete from dashboard_sessions where token_hash = ?", Digests.sha256Hex(token)));
    }

    /** The session's caller, if the request carries a live session cookie (and its CSRF token when unsafe). */
    Optional<Caller> authenticate(HttpServletRequest request) {
        Optional<String> token = cookieToken(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        List<String[]> rows = jdbc.query(
                "select account_id, csrf_hash from dashboard_sessions where token_hash = ? and expires_at > now()",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, Digests.sha256Hex(token.get()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String csrf = request.getHeader(CSRF_HEADER);
            if (csrf == null || !Digests.constantTimeEquals(Digests.sha256Hex(csrf), rows.get(0)[1])) {
                throw new DomainException(ErrorCode.FORBIDDEN,
                        "A dashboard session must send its CSRF token in " + CSRF_HEADER);
            }
        }
        AccountView account = accounts.findById(rows.get(0)[0]).orElse(null);
        if (account == null) {
            return Optional.empty(); // the account is gone (a lapsed registration)
        }
        if (!account.emailVerified()) {
            throw new DomainException(ErrorCode.EMAIL_NOT_VERIFIED, "Verify the account's e-mail address first");
        }
        return Optional.of(new Caller(account.id(), account.role(), null, null, account.role().scopes(), null));
    }

    /** A lapsed registration's sessions end with it. */
    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        jdbc.update("delete from dashboard_sessions where account_id = ?", event.accountId());
    }

    void purgeExpired() {
        jdbc.update("delete from dashboard_sessions where expires_at <= now()");
    }

    private static Optional<String> cookieToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }
}
