package com.crowdledger.infra.idempotency;

import com.crowdledger.infra.openapi.DocumentedOperation;
import com.crowdledger.infra.openapi.OperationDocumenter;
import com.crowdledger.shared.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Documents {@link Idempotency} on every POST: the Idempotency-Key header, its errors, and the replay header. */
@Component
class IdempotencyDocumentation implements OperationDocumenter {
    private static final String REPLAYED = "Idempotent-Replayed";

    @Override
    public void describe(Components components) {
        components.addParameters(IdempotentBodies.HEADER, new Parameter().in("header").name(IdempotentBodies.HEADER)
                .required(false)
                .schema(new JsonSchema().types(Set.of("string")).minLength(1).maxLength(Idempotency.MAX_KEY_LENGTH))
                .description("Makes a retry safe: the first successful response is stored for 24 hours and replayed "
                        + "for the same key and body; the same key with another body is 422 IDEMPOTENCY_MISMATCH."));
        components.addHeaders(REPLAYED, new Header().schema(new JsonSchema().types(Set.of("boolean")))
                .description("true when this is the stored response of an earlier request with the same key"));
    }

    @Override
    public void document(DocumentedOperation operation) {
        if (!"POST".equals(operation.method()) || !Idempotency.appliesTo(operation.handler())) {
            return;
        }
        operation.operation().addParametersItem(new Parameter()
                .$ref("#/components/parameters/" + IdempotentBodies.HEADER));
        // the body is read up front (413), the key checked (422), and a concurrent duplicate may time out (409)
        operation.mayAnswer(ErrorCode.IDEMPOTENCY_MISMATCH, ErrorCode.VALIDATION_ERROR, ErrorCode.CONFLICT,
                ErrorCode.PAYLOAD_TOO_LARGE);
        operation.addResponseHeader(REPLAYED, new Header().$ref("#/components/headers/" + REPLAYED),
                status -> status >= 200 && status < 300);
    }
}
