package com.crowdledger.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.events.account.AccountVerificationRenewedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A company or a tester: unique e-mail and slug, verified by the token mailed at registration (or a renewed one).
 * A registration never verified holds its address for 48 hours from registration, however often its token is
 * renewed: after that, registering the address again replaces it.
 */
@Aggregate
class Account {
    /** A verification mail is renewed at most this often, so the address's owner is not flooded. */
    static final Duration RENEWAL_INTERVAL = Duration.ofMinutes(1);
    /** How many times a registration's token is renewed at most (the mails stop after that). */
    static final int MAX_RENEWALS = 5;

    @AggregateIdentifier
    private String accountId;
    private String email;
    private String verificationTokenHash;
    private Instant verificationIssuedAt;
    private Instant verificationExpiresAt;
    /** Until when the unverified registration holds its address: fixed at registration. */
    private Instant claimExpiresAt;
    private int renewals;
    private boolean emailVerified;

    Account() {
        // for Axon
    }

    @CommandHandler
    Account(RegisterAccountCommand command, AccountLookup lookup) {
        if (lookup.emailHolder(command.email()).isPresent()) {
            throw DomainException.conflict("An account with this email already exists");
        }
        if (lookup.slugTaken(command.slug())) {
            throw DomainException.conflict("An account with this slug already exists");
        }
        apply(new AccountRegisteredEvent(command.accountId(), Mode.LIVE, command.email(), command.name(),
                command.role(), command.slug(), command.passwordHash(), command.verificationTokenHash(),
                command.verificationExpiresAt(), now()));
    }

    @CommandHandler
    void handle(VerifyEmailCommand command) {
        if (emailVerified) {
            throw DomainException.conflict("The email address is already verified");
        }
        if (!verificationTokenHash.equals(command.verificationTokenHash())) {
            throw DomainException.invalid("token", "is not valid");
        }
        Instant now = now();
        if (!now.isBefore(verificationExpiresAt)) {
            throw DomainException.invalid("token", "has expired");
        }
        apply(new AccountEmailVerifiedEvent(accountId, Mode.LIVE, now));
    }

    /** @return true when a new token was issued (and is to be mailed) */
    @CommandHandler
    boolean handle(RenewVerificationCommand command) {
        Instant now = now();
        if (emailVerified || renewals >= MAX_RENEWALS || now.isBefore(verificationIssuedAt.plus(RENEWAL_INTERVAL))) {
            return false;
        }
        apply(new AccountVerificationRenewedEvent(accountId, Mode.LIVE, command.verificationTokenHash(),
                command.verificationExpiresAt(), now));
        return true;
    }

    @CommandHandler
    void handle(LapseRegistrationCommand command) {
        Instant now = now();
        if (emailVerified || now.isBefore(claimExpiresAt)) {
            throw DomainException.conflict("An account with this email already exists");
        }
        apply(new AccountRegistrationLapsedEvent(accountId, Mode.LIVE, email, now));
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
        email = event.email();
        verificationTokenHash = event.verificationTokenHash();
        verificationIssuedAt = event.registeredAt();
        verificationExpiresAt = event.verificationExpiresAt();
        claimExpiresAt = event.verificationExpiresAt();
    }

    @EventSourcingHandler
    void on(AccountVerificationRenewedEvent event) {
        verificationTokenHash = event.verificationTokenHash();
        verificationIssuedAt = event.renewedAt();
        verificationExpiresAt = event.verificationExpiresAt();
        renewals++;
    }

    @EventSourcingHandler
    void on(AccountEmailVerifiedEvent event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(AccountRegistrationLapsedEvent event) {
        markDeleted();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
