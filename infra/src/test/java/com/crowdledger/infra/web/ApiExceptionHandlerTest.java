package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class ApiExceptionHandlerTest {
    private final ApiExceptionHandler handler = new ApiExceptionHandler(new ErrorResponses(JsonMapper.builder().build()));

    @Test
    void unavailableIs503WithRetryAfter() {
        ResponseEntity<Envelope> response = handler.api(
                new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "busy"), new MockHttpServletRequest());
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().error().code()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void otherErrorsSayNothingAboutRetrying() {
        ResponseEntity<Envelope> response = handler.api(
                new DomainException(ErrorCode.INVALID_API_KEY, "no"), new MockHttpServletRequest());
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst("Retry-After")).isNull();
    }
}
