package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.web.ScalarText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {
    private final JsonMapper json = strict();

    record Named(String name, List<String> tags) {
    }

    record Answers(Map<String, String> answers) {
    }

    record Order(Integer quantity, long cents, BigDecimal amount, Boolean flag) {
    }

    record Postback(@ScalarText String txnId, @ScalarText Map<String, String> answers, String name) {
    }

    record Expiring(Instant expiresAt) {
    }

    @Test
    void textWithNulIsRefusedAtItsPath() {
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\\u0000b\",\"tags\":[]}", Named.class))
                .isInstanceOfSatisfying(DatabindException.class, e -> {
                    assertThat(e.getPath()).extracting(ref -> ref.getPropertyName()).containsExactly("name");
                    assertThat(e).hasRootCauseInstanceOf(StrictJson.NotText.class);
                });
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\",\"tags\":[\"x\",\"\\u0000\"]}", Named.class))
                .isInstanceOfSatisfying(DatabindException.class, e ->
                        assertThat(e.getPath()).extracting(ref -> ref.getIndex()).containsExactly(-1, 1));
    }

    @Test
    void loneSurrogatesAreNotText() {
        for (String odd : List.of("a\\ud800b", "\\udfff", "x\\ude00\\ud83d")) {
            assertThatThrownBy(() -> json.readValue("{\"name\":\"" + odd + "\",\"tags\":[]}", Named.class))
                    .as(odd).hasRootCauseInstanceOf(StrictJson.NotText.class);
        }
    }

    @Test
    void aMapsKeysAreTextToo() {
        assertThatThrownBy(() -> json.readValue("{\"answers\":{\"q\\u0000\":\"a\"}}", Answers.class))
                .isInstanceOf(DatabindException.class).hasRootCauseInstanceOf(StrictJson.NotText.class);
        assertThat(json.readValue("{\"answers\":{\"Fun? 😀\":\"yes\"}}", Answers.class).answers())
                .containsEntry("Fun? 😀", "yes");
    }

    @Test
    void otherTextPasses() {
        assertThat(json.readValue("{\"name\":\"é 😀 \\ud83d\\ude00\",\"tags\":[\"x\"]}", Named.class).name())
                .isEqualTo("é 😀 😀");
    }

    @Test
    void textIsAStringNeverANumberOrAFlagMadeIntoOne() {
        for (String odd : List.of("true", "12", "1e400", "{}", "[\"a\"]")) {
            assertThatThrownBy(() -> json.readValue("{\"name\":" + odd + ",\"tags\":[]}", Named.class))
                    .as(odd).isInstanceOfSatisfying(DatabindException.class, e ->
                            assertThat(e.getPath()).extracting(ref -> ref.getPropertyName()).containsExactly("name"));
        }
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\",\"tags\":[1,2]}", Named.class))
                .isInstanceOf(DatabindException.class);
    }

    @Test
    void numbersAndFlagsHaveTheirOwnTypes() {
        for (String odd : List.of("{\"quantity\":\"12\"}", "{\"quantity\":12.5}", "{\"quantity\":\"\"}",
                "{\"cents\":\" \"}", "{\"cents\":\"7\"}", "{\"amount\":\"\"}", "{\"amount\":\" \"}",
                "{\"amount\":\"\\u0000\"}", "{\"flag\":\"true\"}", "{\"flag\":1}")) {
            assertThatThrownBy(() -> json.readValue(odd, Order.class)).as(odd).isInstanceOf(DatabindException.class);
        }
    }

    @Test
    void anAmountMayComeAsANumberOrAsDecimalText() {
        Order order = json.readValue("{\"quantity\":12,\"cents\":7,\"amount\":\"4.00\",\"flag\":true}",
                Order.class);
        assertThat(order).isEqualTo(new Order(12, 7, new BigDecimal("4.00"), true));
        assertThat(json.readValue("{\"amount\":49.90,\"cents\":0}", Order.class).amount())
                .isEqualByComparingTo("49.90");
    }

    @Test
    void aFieldMarkedScalarTextTakesANumberAsItsTextAndNothingElseDoes() {
        Postback postback = json.readValue("{\"txnId\":1001,\"answers\":{\"rating\":5,\"fun\":true}}",
                Postback.class);
        assertThat(postback.txnId()).isEqualTo("1001");
        assertThat(postback.answers()).containsEntry("rating", "5").containsEntry("fun", "true");
        assertThatThrownBy(() -> json.readValue("{\"txnId\":\"a\\u0000\"}", Postback.class))
                .hasRootCauseInstanceOf(StrictJson.NotText.class);
        assertThatThrownBy(() -> json.readValue("{\"txnId\":{}}", Postback.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":1001}", Postback.class))
                .isInstanceOf(DatabindException.class);
    }

    @Test
    void anInstantIsTextNeverEpochNumbers() {
        assertThat(json.readValue("{\"expiresAt\":\"2030-01-01T00:00:00Z\"}", Expiring.class).expiresAt())
                .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        for (String odd : List.of("2000000000", "2000000000.5")) {
            assertThatThrownBy(() -> json.readValue("{\"expiresAt\":" + odd + "}", Expiring.class)).as(odd)
                    .isInstanceOf(DatabindException.class);
        }
    }

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }
}
