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

    public IssuedApiKey issue(KeyAuthority issuer, Mode mode, String name, Set<Scope> scopes, Instant expiresAt) {
        String keyId = Ids.next(Ids.API_KEY);
        String key = format.generate(mode);
        commands.sendAndWait(new IssueApiKeyCommand(keyId, issuer, mode, name, scopes, format.displayPrefix(key),
                hashing.hash(key), expiresAt));
        return IssuedApiKey.of(summary(keyId, issuer), key);
    }

    /** The key as the read model now shows it to this caller (its projection commits with the command). */
    ApiKeySummary summary(String keyId, KeyAuthority caller) {
        return queries.query(new FindApiKeyQuery(keyId, caller.tenant(), caller.scopes(), caller.expiresAt()),
                        ResponseTypes.optionalInstanceOf(ApiKeySummary.class)).join()
                .orElseThrow(() -> DomainException.notFound("API key"));
    }
}
