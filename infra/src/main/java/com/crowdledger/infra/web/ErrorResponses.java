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

/** Writes the error envelope from places outside Spring MVC's handlers (servlet filters). */
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
        json.writeValue(response.getOutputStream(), Envelope.error(code, message, details, RequestIds.of(request)));
    }
}
