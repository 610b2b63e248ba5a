package com.crowdledger.infra.auth;

import com.crowdledger.command.secret.SecretHashing;
import com.crowdledger.infra.auth.AuthenticatedKey.AccountSummary;
import com.crowdledger.infra.ratelimit.RateLimits;
import com.crowdledger.infra.web.SecuritySettings;
import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.NoIdempotencyKey;
import com.crowdledger.shared.web.PublicEndpoint;
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
    private final DeviceCookies devices;
    private final boolean secureCookie;
    private final RateLimits rateLimits;

    IdentityController(SecretHashing hashing, AccountViewRepository accounts,
                       DashboardSessions sessions, DeviceCookies devices, SecuritySettings security,
                       Environment environment, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.hashing = hashing;
        this.accounts = accounts;
        this.sessions = sessions;
        this.devices = devices;
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

    /**
     * Only failed attempts count against the login limits (see {@link RateLimits#forLogin}); a success gives its
     * tokens back and leaves a device cookie, with which this browser's later attempts on the e-mail are limited on
     * their own. Unknown e-mails get the same limits, the same argon2 run and the same answer as wrong passwords.
     */
    @PostMapping("/login")
    @PublicEndpoint
    @NoIdempotencyKey
    @Errors({ErrorCode.INVALID_CREDENTIALS, ErrorCode.EMAIL_NOT_VERIFIED, ErrorCode.SERVICE_UNAVAILABLE})
    ResponseEntity<LoggedIn> login(@Valid @RequestBody LoginRequest login, HttpServletRequest request,
                                   HttpServletResponse response) {
        String email = login.email().strip().toLowerCase(Locale.ROOT);
        AccountView account = accounts.findByEmail(email).orElse(null);
        String device = account == null ? null : devices.deviceOf(request, account.id());
        RateLimits.LoginAttempt attempt = rateLimits.forLogin(email, device, request, response);
        boolean matches;
        try {
            matches = passwordMatches(account, login.password());
        } catch (RuntimeException notJudged) { // too busy to check (503), or our own failure: not a wrong password
            attempt.giveBack();
            throw notJudged;
        }
        if (!matches) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "The e-mail or password is wrong");
        }
        attempt.giveBack();
        if (!account.emailVerified()) {
            // no session and no device cookie until the address is proved: a squatter gets nothing to keep
            throw new DomainException(ErrorCode.EMAIL_NOT_VERIFIED, "Verify the account's e-mail address first");
        }
        DashboardSessions.NewSession session = sessions.open(account.id());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE,
                        cookie(DashboardSessions.COOKIE, session.token(), DashboardSessions.LIFETIME).toString())
                .header(HttpHeaders.SET_COOKIE,
                        cookie(DeviceCookies.COOKIE, devices.issue(account.id()), DeviceCookies.LIFETIME).toString())
                .body(new LoggedIn(AccountSummary.of(account), session.csrfToken()));
    }

    /** Whether the password is the account's; argon2 runs for unknown e-mails too, against a decoy. */
    private boolean passwordMatches(AccountView account, String password) {
        String hash = account != null ? account.passwordHash() : decoyHash;
        boolean matches = hashing.verify(SecretHashing.Lane.ACCOUNTS, hash, password);
        return matches && account != null;
    }

    @PostMapping("/logout")
    @Authenticated(dashboard = true)
    @NoIdempotencyKey
    ResponseEntity<LoggedOut> logout(Caller caller, HttpServletRequest request) {
        sessions.close(request);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(DashboardSessions.COOKIE, "", Duration.ZERO).toString())
                .body(new LoggedOut(caller.isDashboardSession()));
    }

    private ResponseCookie cookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true).secure(secureCookie).sameSite("Strict").path("/").maxAge(maxAge).build();
    }
}
