package com.crowdledger.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A company or a tester: unique e-mail and slug, verified once by the token mailed at registration. */
@Aggregate
class Account {
    @AggregateIdentifier
    private String accountId;
    private String verificationTokenHash;
    private Instant verificationExpiresAt;
    private boolean emailVerified;

    Account() {
        // for Axon
    }

    @CommandHandler
    Account(RegisterAccountCommand command, AccountLookup lookup) {
        if (lookup.emailTaken(command.email())) {
            throw DomainException.conflict("An account with this email already exists");
        }
        if (lookup.slugTaken(command.slug())) {
            throw DomainException.conflict("An account with this slug already exists");
        }
        apply(new AccountRegisteredEvent(command.accountId(), Mode.LIVE, command.email(), command.name(),
                command.role(), command.slug(), command.passwordHash(), command.verificationTokenHash(),
                command.verificationExpiresAt(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(VerifyEmailCommand command) {
        if (emailVerified) {
            throw DomainException.conflict("The email address is already verified");
        }
        if (!verificationTokenHash.equals(command.verificationTokenHash())) {
            throw DomainException.invalid("token", "is not valid");
        }
        Instant now = GenericEventMessage.clock.instant();
        if (!now.isBefore(verificationExpiresAt)) {
            throw DomainException.invalid("token", "has expired");
        }
        apply(new AccountEmailVerifiedEvent(accountId, Mode.LIVE, now));
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
        verificationTokenHash = event.verificationTokenHash();
        verificationExpiresAt = event.verificationExpiresAt();
    }

    @EventSourcingHandler
    void on(AccountEmailVerifiedEvent event) {
        emailVerified = true;
    }
}
