package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the error envelope from outside Spring MVC's message converters: exception handlers and filters. */
@Component
public class ErrorResponses {
    private final JsonMapper json;

    ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        write(request, response, code, message, List.of());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
                      List<FieldIssue> details) throws IOException {
        response.setStatus(ErrorStatus.of(code));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // Neither closed nor flushed (writeValue would close it, and Tomcat then sends the answer at once): the
        // container sends it when the request is done, after the interceptors' afterCompletion, where a refused public
        // request is charged to its address. Sent before, its client could get its next request in ahead of the
        // charge, and past a limit its address had used up.
        response.getOutputStream().write(json.writeValueAsBytes(
                Envelope.error(code, message, details, RequestIds.of(request))));
    }
}
