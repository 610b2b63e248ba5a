package com.crowdledger.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PublicFieldsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void secretsTheirReferencesAndHashesAreDroppedAtAnyDepth() throws Exception {
        ObjectNode event = (ObjectNode) json.readTree("""
                {"keyId": "key_1", "secretHash": "$argon2id$v=19$...", "passwordHash": "x", "secretRef": "sec_a",
                 "previousSecretRef": "sec_b", "postbackSecret": "s3cr3t", "newPassword": "p",
                 "reference": "sec_0123456789ABCDEFabcdef", "note": "sec_ is how references start",
                 "legacy": "$argon2i$v=19$m=1", "name": "Acme",
                 "partner": {"id": "prt_1", "tokenHash": "h", "urls": [{"secretRef": "sec_c", "host": "h.example"}]}}
                """);
        PublicFields.strip(event);
        assertThat(event.toString()).isEqualTo("{\"keyId\":\"key_1\",\"note\":\"sec_ is how references start\","
                + "\"name\":\"Acme\",\"partner\":{\"id\":\"prt_1\",\"urls\":[{\"host\":\"h.example\"}]}}");
    }
}
