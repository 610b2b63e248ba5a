package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** HTTPS only (SPEC §2) on a node set up as in production: plain HTTP unless a trusted proxy says it was TLS. */
class HttpsOnlyIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private ApiClient overTls;

    @BeforeEach
    void connectToHttpsOnlyInstance() {
        overTls = SecondInstance.api(dataSource).from(api.clientAddress());
    }

    @Test
    void plainHttpIsRefusedWithForbiddenInTheEnvelope() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response plain = overTls.get("/v1/auth/me").key(owner.key())
                .header("X-Forwarded-Proto", "http").send();
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(plain.json().path("error").path("message").asText()).contains("HTTPS is required");
        assertThat(plain.json().path("meta").path("requestId").asText()).startsWith("req_");

        ApiClient.Response noProxyWord = new ApiClient(overTls.baseUrl()).get("/v1/auth/me").key(owner.key()).send();
        assertThat(noProxyWord.status()).isEqualTo(403);
    }

    @Test
    void requestThatATrustedProxyReceivedOverTlsPasses() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response me = overTls.get("/v1/auth/me").key(owner.key()).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().path("account").path("id").asText()).isEqualTo(owner.accountId());
    }

    @Test
    void livenessStaysReachableOverPlainHttp() {
        ApiClient plain = new ApiClient(overTls.baseUrl());
        assertThat(plain.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(plain.get("/actuator/prometheus").send().status()).isEqualTo(403);
    }
}
