package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §3 conventions on every route: envelope, request ids, the /api/v1 alias, clear 4xx for bad input. */
class ConventionsIT extends IntegrationTest {

    @Test
    void successCarriesEnvelopeAndRequestId() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response me = api.get("/v1/auth/me").key(owner.key()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("success").asBoolean()).isTrue();
        assertThat(me.json().path("meta").path("requestId").asText()).startsWith("req_")
                .isEqualTo(me.header("Request-Id"));
        assertThat(me.json().path("meta").path("timestamp").asText()).isNotBlank();
    }

    @Test
    void everyRouteAlsoAnswersUnderApiPrefix() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response me = api.get("/api/v1/auth/me").key(owner.key()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("account").path("id").asText()).isEqualTo(owner.accountId());
    }

    @Test
    void malformedJsonIs400InTheEnvelope() {
        ApiClient.Response response = api.post("/v1/auth/register").body("{\"email\": ").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(response.json().path("success").asBoolean()).isFalse();
        assertThat(response.json().path("meta").path("requestId").asText()).startsWith("req_");
    }

    @Test
    void unknownFieldWrongTypeAndUnknownEnumAre422WithTheField() {
        Map<String, Object> valid = Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD,
                "role", "owner", "name", "Acme");
        assertField(api.post("/v1/auth/register").body(with(valid, "isAdmin", true)).send(), "isAdmin");
        assertField(api.post("/v1/auth/register").body(with(valid, "role", "admin")).send(), "role");
        assertField(api.post("/v1/auth/register").body(with(valid, "name", Map.of("first", "x"))).send(), "name");
        assertField(api.post("/v1/auth/register").body(with(valid, "password", "short")).send(), "password");
        assertField(api.post("/v1/auth/register").body(with(valid, "email", "not-an-email")).send(), "email");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        ApiClient.Response response = api.post("/v1/auth/register").body(huge).send();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownRouteAndWrongMethodAnswerInTheEnvelope() {
        ApiClient.Response missing = api.get("/v1/no-such-thing").send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        ApiClient.Response wrongMethod = api.call("PUT", "/v1/auth/register").body(Map.of()).send();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongContentTypeIs415() {
        ApiClient.Response response = api.post("/v1/auth/register").header("Content-Type", "text/plain")
                .body("hello").send();
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void healthProbesAreUp() {
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void prometheusExposesHttpAxonAndAuthMetrics() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        api.get("/v1/auth/me").key(owner.key()).send();
        assertThat(api.get("/actuator/prometheus").send().status()).as("metrics take the operator token").isEqualTo(401);
        String metrics = api.get("/actuator/prometheus").key(TestInfrastructure.ADMIN_TOKEN).send().body();
        assertThat(metrics).contains("http_server_requests_seconds_count", "commandBus_successCounter_total",
                "eventProcessor_successCounter_total", "crowdledger_auth_argon2_verifications_total",
                "cache_gets_total{cache=\"api-keys\"");
        assertThat(metrics).as("tracking processors are measured, subscribing ones cost their commands nothing")
                .contains("\"event-log\"").doesNotContain("\"account-view\"");
    }

    @Test
    void aNumberTooLargeForItsFieldIs422AtTheField() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response huge = api.post("/v1/campaigns").key(owner.key())
                .body("{\"name\":\"x\",\"platform\":\"ios\",\"testersRequired\":99999999999999999999,"
                        + "\"rewardPerBug\":1}").send();
        assertField(huge, "testersRequired");
        assertThat(huge.json().path("error").path("details").get(0).path("message").asText())
                .isEqualTo("is out of range");
    }

    /** A value of another JSON type is refused at its field, never converted (an amount may be decimal text). */
    @Test
    void aValueOfTheWrongJsonTypeIs422AtItsField() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String valid = "\"name\":\"x\",\"platform\":\"ios\",\"testersRequired\":2,\"rewardPerBug\":\"4.00\"";
        for (String[] odd : new String[][] {{"name", "true"}, {"name", "12"}, {"testersRequired", "\"12\""},
                {"testersRequired", "2.5"}, {"rewardPerBug", "\" \""}, {"rewardPerBug", "\"\""}}) {
            String body = "{" + valid.replaceFirst("\"" + odd[0] + "\":[^,]*", "\"" + odd[0] + "\":" + odd[1]) + "}";
            ApiClient.Response refused = api.post("/v1/campaigns").key(owner.key()).body(body).send();
            assertField(refused, odd[0]);
        }
        assertThat(api.post("/v1/campaigns").key(owner.key()).body("{" + valid + "}").send().status())
                .as("the amount as decimal text").isEqualTo(201);
    }

    /** A route that validates a header and a body names the body's field, and the header by its own name. */
    @Test
    void aBodyFieldAndAHeaderAreNamedAsTheClientSentThem() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response longCard = api.post("/v1/billing/credit").key(owner.key()).header("Idempotency-Key", "k1")
                .body(Map.of("amountCents", 100, "paymentMethod", "pm_" + "x".repeat(200))).send();
        assertField(longCard, "paymentMethod");
        ApiClient.Response longKey = api.post("/v1/billing/credit").key(owner.key())
                .header("Idempotency-Key", "k".repeat(256))
                .body(Map.of("amountCents", 100, "paymentMethod", "pm_card_visa")).send();
        assertField(longKey, "Idempotency-Key");
    }

    /** A Content-Type naming no one type is 415 like any type the API does not read, not a failure. */
    @Test
    void aWildcardContentTypeIs415() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        for (String wildcard : List.of("*/*", "application/*", "text/*")) {
            ApiClient.Response refused = api.post("/v1/auth/api-keys").key(owner.key())
                    .header("Content-Type", wildcard).body("{\"name\":\"x\",\"scopes\":[\"keys\"]}").send();
            assertThat(refused.status()).as(wildcard).isEqualTo(415);
            assertThat(refused.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    /** Two Authorization headers (or Idempotency-Keys) are refused: which one counts must not be a guess. */
    @Test
    void aHeaderThatSaysWhoIsCallingIsSentOnce() throws Exception {
        String first = accounts.verifiedOwner("test").key();
        String second = accounts.verifiedOwner("test").key();
        HttpClient raw = HttpClient.newHttpClient();
        HttpResponse<String> twoKeys = raw.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/auth/me"))
                .header("Authorization", "Bearer " + first).header("Authorization", "Bearer " + second).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twoKeys.statusCode()).isEqualTo(400);
        assertThat(twoKeys.body()).contains("\"code\":\"INVALID_REQUEST\"", "Send one Authorization header");
        HttpResponse<String> twoIdempotencyKeys = raw.send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                        + "/v1/auth/api-keys")).header("Authorization", "Bearer " + first)
                .header("Content-Type", "application/json").header("Idempotency-Key", "a")
                .header("Idempotency-Key", "b").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"x\",\"scopes\":[\"keys\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(twoIdempotencyKeys.statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/auth/api-keys").key(first).send().data()).as("nothing issued").hasSize(1);
    }

    @Test
    void aFieldNamedTwiceIsRefusedNotTakenFromTheLastOne() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response twice = api.post("/v1/auth/api-keys").key(owner.key())
                .body("{\"name\":\"x\",\"scopes\":[\"keys\"],\"scopes\":[\"billing\"]}").send();
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.errorCode()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void textWithANulCharacterIsRefusedNamingItsField() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response nul = api.post("/v1/auth/api-keys").key(owner.key())
                .body("{\"name\":\"a\\u0000b\",\"scopes\":[\"keys\"]}").send();
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(nul.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("name");
        ApiClient.Response inAList = api.post("/v1/auth/api-keys").key(owner.key())
                .body("{\"name\":\"n\",\"scopes\":[\"keys\\u0000\"]}").send();
        assertThat(inAList.status()).isEqualTo(422);
        assertThat(inAList.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("scopes[0]");
    }

    /** In a query too, on keyed and public routes alike (a click's sub id would reach its event). */
    @Test
    void aQueryParameterWithANulCharacterIsRefusedNamingIt() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response keyed = api.get("/v1/events?type=a%00b").key(owner.key()).send();
        assertThat(keyed.status()).isEqualTo(422);
        assertThat(keyed.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("type");
        ApiClient.Response click = api.get("/r/some-brand/some-offer?via=p&sub1=x%00y").send();
        assertThat(click.status()).isEqualTo(422);
        assertThat(click.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("sub1");
        assertThat(api.get("/v1/events?type=a%2500b").key(owner.key()).send().status()).as("an escaped percent")
                .isEqualTo(200);
    }

    /**
     * Bytes that are not UTF-8 (an overlong NUL, an encoded surrogate) or broken %-escapes are the client's error,
     * named, never a 500.
     */
    @Test
    void aQueryParameterThatIsNotUtf8IsRefusedNamingIt() {
        for (String odd : List.of("%C0%80", "%ED%A0%80", "%F4%90%80%80", "%FF")) {
            ApiClient.Response click = api.get("/r/some-brand/some-offer?via=p&sub2=" + odd).send();
            assertThat(click.status()).as(odd).isEqualTo(422);
            assertThat(click.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("sub2");
            assertThat(click.json().path("error").path("details").get(0).path("message").asText())
                    .isEqualTo("is not percent-encoded UTF-8 text");
        }
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        // broken %-escapes: no HTTP client of the JDK sends them, so a socket does
        for (String odd : List.of("%zz", "%", "%ud800", "a%2")) {
            String click = rawAnswer("GET /r/some-brand/some-offer?via=p&sub2=" + odd, "");
            assertThat(click).as(odd).startsWith("HTTP/1.1 422")
                    .contains("{\"field\":\"sub2\",\"message\":\"is not percent-encoded UTF-8 text\"}");
        }
        assertThat(rawAnswer("GET /v1/bugs?limit=%zz", "Authorization: Bearer " + owner.key() + "\r\n"))
                .startsWith("HTTP/1.1 422").contains("\"field\":\"limit\"");
        // what only Tomcat refuses: an escape with a sign, more parameters than it reads, a broken form body
        assertThat(rawAnswer("GET /r/some-brand/some-offer?via=p&sub2=%+1", "")).startsWith("HTTP/1.1 400")
                .contains("\"code\":\"INVALID_REQUEST\"");
        assertThat(rawAnswer("GET /r/some-brand/some-offer?via=p" + "&a".repeat(1001), ""))
                .startsWith("HTTP/1.1 400");
        assertThat(rawAnswer("POST /postback/some-brand/some-offer",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n", "a=%zz"))
                .startsWith("HTTP/1.1 400");
        assertThat(api.get("/v1/events?type=caf%C3%A9").key(owner.key()).send().status()).as("UTF-8 text")
                .isEqualTo(200);
    }

    /** A header with NUL (a click's User-Agent reaches its event) never gets past Tomcat, which answers 400 itself. */
    @Test
    void aHeaderWithANulCharacterIsRefusedByTheServer() {
        assertThat(rawAnswer("GET /r/some-brand/some-offer?via=p", "User-Agent: a\u0000b\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_REQUEST\"");
    }

    private String rawAnswer(String requestLine, String headerLines) {
        return rawAnswer(requestLine, headerLines, "");
    }

    /** The whole answer to a request sent as it is, bytes no HTTP client would send. */
    private String rawAnswer(String requestLine, String headerLines, String body) {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: x\r\n" + headerLines
                    + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void answersAreNeverStoredByCaches() {
        ApiClient.Response health = api.get("/v1/openapi.json").send();
        ApiClient.Response refused = api.get("/v1/auth/me").send();
        assertThat(health.header("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** Requests refused by the server before any of our code runs, or that accept no JSON, still get the envelope. */
    @Test
    void containerRefusalsAndUnacceptableAcceptAnswerInTheEnvelope() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        HttpResponse<String> badUrl = raw.send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + "/v1/auth/api-keys/key_%00")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(badUrl.body()).contains("\"success\":false", "\"code\":\"INVALID_REQUEST\"", "\"requestId\":\"req_");
        assertThat(badUrl.headers().firstValue("Request-Id")).hasValueSatisfying(id ->
                assertThat(badUrl.body()).contains("\"requestId\":\"" + id + "\""));
        assertThat(badUrl.headers().firstValue("Cache-Control")).hasValue("no-store");
        String trace = rawAnswer("TRACE /v1/campaigns", "");
        assertThat(trace).startsWith("HTTP/1.1 405").contains("Request-Id: req_", "Cache-Control: no-store",
                "\"code\":\"METHOD_NOT_ALLOWED\"", "\"requestId\":\"req_");

        String key = accounts.verifiedOwner("test").key();
        HttpResponse<String> notAcceptable = raw.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/auth/me"))
                .header("Accept", "application/xml").header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
        assertThat(notAcceptable.body()).contains("\"code\":\"NOT_ACCEPTABLE\"");

        HttpResponse<String> refused = raw.send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                        + "/v1/auth/verify-email")).header("Accept", "application/xml")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("an error is an error, whatever the Accept").isBetween(400, 499);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(refused.body()).contains("\"success\":false");
    }

    @Test
    void theVerificationLinkOpensAPageThatDoesNotVerifyByItself() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + "/verify-email?token=abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Confirm my address", "/v1/auth/verify-email");
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").findValuesAsText("field")).contains(field);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
