package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import jakarta.servlet.ServletOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletOutputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiExceptionHandlerTest {
    private final ApiExceptionHandler handler = new ApiExceptionHandler(new ErrorResponses(JsonMapper.builder().build()));

    @Test
    void unavailableIs503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.api(new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "busy"), new MockHttpServletRequest(), response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
    }

    @Test
    void anErrorIsSentOnlyOnceTheRequestIsDone() throws Exception {
        AtomicBoolean sentEarly = new AtomicBoolean();
        MockHttpServletResponse response = new MockHttpServletResponse() {
            @Override
            public ServletOutputStream getOutputStream() {
                return new DelegatingServletOutputStream(super.getOutputStream()) {
                    @Override
                    public void flush() {
                        sentEarly.set(true);
                    }

                    @Override
                    public void close() {
                        sentEarly.set(true);
                    }
                };
            }
        };
        handler.api(new DomainException(ErrorCode.INVALID_CREDENTIALS, "no"), new MockHttpServletRequest(), response);
        assertThat(response.getContentAsString()).contains("\"code\":\"INVALID_CREDENTIALS\"");
        // flushed or closed, Tomcat sends it at once: its client could read it, and send the next request, before
        // RateLimiting.afterCompletion charges the refusal
        assertThat(sentEarly).isFalse();
    }

    @Test
    void otherErrorsSayNothingAboutRetrying() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.api(new DomainException(ErrorCode.INVALID_API_KEY, "no"), new MockHttpServletRequest(), response);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void anErrorIsJsonWhateverTheRequestAccepts() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.api(new DomainException(ErrorCode.NOT_FOUND, "gone"), request, response);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"success\":false");
    }
}
