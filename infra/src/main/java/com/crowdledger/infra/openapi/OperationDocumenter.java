package com.crowdledger.infra.openapi;

import io.swagger.v3.oas.models.Components;

/**
 * Something the platform does to API requests (authentication, rate limits, idempotency...), documented on every
 * operation it applies to. Each lives beside the code whose behaviour it describes, so a feature's endpoints are
 * described completely by their own annotations, and a platform change and its description change together.
 */
public interface OperationDocumenter {

    /** Adds what the operations will refer to (security schemes, headers). Called once per document. */
    default void describe(Components components) {
    }

    /** Documents one operation of the API. */
    void document(DocumentedOperation operation);
}
