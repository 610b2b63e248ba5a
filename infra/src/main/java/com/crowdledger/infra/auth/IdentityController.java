package com.crowdledger.infra.auth;

import com.crowdledger.command.secret.SecretHashing;
import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.PublicEndpoint;
import com.crowdledger.infra.auth.AuthenticatedKey.AccountSummary;
import com.crowdledger.infra.ratelimit.RateLimits;
import com.crowdledger.infra.web.SecuritySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and the dashboard's login and logout. */
@RestController
@RequestMapping("/v1/auth")
class IdentityController {
    /** Verified against when the e-mail is unknown, so a login takes as long for unknown and known addresses. */
    private final String decoyHash;
    private final SecretHashing hashing;
    private final AccountViewRepository accounts;
    private final DashboardSessions sessions;
    private final boolean secureCookie;
    private final RateLimits rateLimits;

    IdentityController(SecretHashing hashing, AccountViewRepository accounts, DashboardSessions sessions,
                       SecuritySettings security, Environment environment, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.hashing = hashing;
        this.accounts = accounts;
        this.sessions = sessions;
        this.decoyHash = hashing.hash("decoy password for unknown e-mails");
        this.secureCookie = !security.allowsHttp(environment);
    }

    /** {@code apiKey} is null for a dashboard session. */
    record Me(AccountSummary account, @Nullable KeySummary apiKey) {
    }

    record KeySummary(String id, String name, String prefix, Mode mode, Set<Scope> scopes) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record LoggedIn(AccountSummary account, String csrfToken) {
    }

    /** {@code loggedOut} is false when the caller was a key (keys have no session to end). */
    record LoggedOut(boolean loggedOut) {
    }

    @GetMapping("/me")
    @Authenticated(dashboard = true)
    Me me(Caller caller, HttpServletRequest request) {
        if (request.getAttribute(Authentication.KEY) instanceof AuthenticatedKey key) {
            return new Me(key.account(), new KeySummary(key.keyId(), key.name(), key.prefix(), key.mode(),
                    new TreeSet<>(key.scopes())));
        }
        return new Me(AccountSummary.of(accounts.findById(caller.accountId()).orElseThrow()), null);
    }

    @PostMapping("/login")
    @PublicEndpoint
    @Errors(ErrorCode.INVALID_CREDENTIALS)
    ResponseEntity<LoggedIn> login(@Valid @RequestBody LoginRequest request, HttpServletResponse response) {
        rateLimits.forLoginTarget(request.email(), response);
        AccountView account = accounts.findByEmail(request.email().strip().toLowerCase(Locale.ROOT)).orElse(null);
        boolean matches = hashing.verify(account != null ? account.passwordHash() : decoyHash, request.password());
        if (account == null || !matches) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "The e-mail or password is wrong");
        }
        DashboardSessions.NewSession session = sessions.open(account.id());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(session.token(), DashboardSessions.LIFETIME).toString())
                .body(new LoggedIn(AccountSummary.of(account), session.csrfToken()));
    }

    @PostMapping("/logout")
    @Authenticated(dashboard = true)
    ResponseEntity<LoggedOut> logout(Caller caller, HttpServletRequest request) {
        sessions.close(request);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .body(new LoggedOut(caller.isDashboardSession()));
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(DashboardSessions.COOKIE, value)
                .httpOnly(true).secure(secureCookie).sameSite("Strict").path("/").maxAge(maxAge).build();
    }
}
