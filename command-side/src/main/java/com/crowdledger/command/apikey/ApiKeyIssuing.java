package com.crowdledger.command.apikey;

import com.crowdledger.command.secret.SecretHashing;
import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.queries.apikey.FindApiKeyQuery;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Makes a key, stores only its hash, and answers with the key this one time. */
@Service
public class ApiKeyIssuing {
    private final ApiKeyFormat format;
    private final SecretHashing hashing;
    private final CommandGateway commands;
    private final QueryGateway queries;

    ApiKeyIssuing(ApiKeyFormat format, SecretHashing hashing, CommandGateway commands, QueryGateway queries) {
        this.format = format;
        this.hashing = hashing;
        this.commands = commands;
        this.queries = queries;
    }

    public IssuedApiKey issue(String accountId, Mode mode, Mode callerMode, String name, Set<Scope> scopes,
                              Set<Scope> grantableScopes, Instant expiresAt) {
        String keyId = Ids.next(Ids.API_KEY);
        String key = format.generate(mode);
        commands.sendAndWait(new IssueApiKeyCommand(keyId, accountId, mode, callerMode, name, scopes,
                grantableScopes, format.displayPrefix(key), hashing.hash(key), expiresAt));
        return IssuedApiKey.of(summary(keyId, accountId, callerMode), key);
    }

    /** The key as the read model now shows it (its projection commits with the command). */
    ApiKeySummary summary(String keyId, String accountId, Mode callerMode) {
        return queries.query(new FindApiKeyQuery(keyId, accountId, callerMode),
                        ResponseTypes.optionalInstanceOf(ApiKeySummary.class)).join()
                .orElseThrow(() -> DomainException.notFound("API key"));
    }
}
