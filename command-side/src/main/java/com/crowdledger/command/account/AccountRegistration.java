package com.crowdledger.command.account;

import com.crowdledger.command.apikey.ApiKeyIssuing;
import com.crowdledger.command.apikey.IssuedApiKey;
import com.crowdledger.command.apikey.KeyAuthority;
import com.crowdledger.command.secret.SecretHashing;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.RandomTokens;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers an account (and, when asked, its first key) in one transaction: both exist, or neither. An earlier
 * registration of the same address that was never verified, and whose token expired, lapses first.
 */
@Service
class AccountRegistration {
    static final Duration VERIFICATION_VALIDITY = Duration.ofHours(48);
    private static final int SLUG_ATTEMPTS = 5;

    private final CommandGateway commands;
    private final AccountLookup lookup;
    private final SecretHashing hashing;
    private final ApiKeyIssuing keys;

    AccountRegistration(CommandGateway commands, AccountLookup lookup, SecretHashing hashing, ApiKeyIssuing keys) {
        this.commands = commands;
        this.lookup = lookup;
        this.hashing = hashing;
        this.keys = keys;
    }

    record Registered(RegisteredAccount account, IssuedApiKey apiKey, String verificationToken) {
    }

    record RegisteredAccount(String id, String email, String name, Role role, String slug, boolean emailVerified) {
    }

    /** @param firstKeyMode the mode of a first key to issue with every scope of the role, or null for none */
    @Transactional
    public Registered register(String email, String password, Role role, String name, Mode firstKeyMode) {
        String accountId = Ids.next(Ids.ACCOUNT);
        String normalizedEmail = normalize(email);
        String displayName = name.strip();
        lookup.emailHolder(normalizedEmail)
                .filter(holder -> holder.lapsedAt(now()))
                .ifPresent(lapsed -> commands.sendAndWait(new LapseRegistrationCommand(lapsed.accountId())));
        String slug = freeSlug(displayName);
        String token = RandomTokens.urlSafe();
        commands.sendAndWait(new RegisterAccountCommand(accountId, normalizedEmail, displayName, role, slug,
                hashing.hash(password), Digests.sha256Hex(token), now().plus(VERIFICATION_VALIDITY)));
        IssuedApiKey apiKey = firstKeyMode == null ? null
                : keys.issue(new KeyAuthority(Tenant.account(accountId), role.scopes(), null), firstKeyMode,
                        "Default key", role.scopes(), null);
        return new Registered(new RegisteredAccount(accountId, normalizedEmail, displayName, role, slug, false),
                apiKey, token);
    }

    /** @return the verified account's id */
    public String verify(String token) {
        String tokenHash = Digests.sha256Hex(token);
        String accountId = lookup.accountIdForVerificationToken(tokenHash)
                .orElseThrow(() -> DomainException.invalid("token", "is not valid"));
        commands.sendAndWait(new VerifyEmailCommand(accountId, tokenHash));
        return accountId;
    }

    /**
     * A new verification token for the unverified account of this address, if there is one (and none was mailed in
     * the last minute).
     *
     * @return the token to mail, or null when there is nothing to mail
     */
    @Transactional
    public String renewVerification(String email) {
        return lookup.emailHolder(normalize(email))
                .filter(holder -> !holder.verified())
                .map(holder -> {
                    String token = RandomTokens.urlSafe();
                    boolean renewed = commands.sendAndWait(new RenewVerificationCommand(holder.accountId(),
                            Digests.sha256Hex(token), now().plus(VERIFICATION_VALIDITY)));
                    return renewed ? token : null;
                })
                .orElse(null);
    }

    /** The clock of the aggregates (tests move it to let a token expire). */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private String freeSlug(String name) {
        String base = Slugs.from(name);
        String candidate = base;
        for (int attempt = 0; attempt < SLUG_ATTEMPTS && lookup.slugTaken(candidate); attempt++) {
            candidate = base + "-" + RandomTokens.hex(2);
        }
        return candidate;
    }
}
