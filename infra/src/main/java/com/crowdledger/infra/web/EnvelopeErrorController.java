package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.PublicEndpoint;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside Spring MVC (by the servlet container) still answer in the envelope, never a page. */
@RestController
@PublicEndpoint
class EnvelopeErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Envelope> error(HttpServletRequest request, HttpServletResponse response) {
        NoStore.applyTo(response);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        ErrorCode errorCode = ErrorStatus.codeFor(code);
        String message = errorCode == ErrorCode.INTERNAL_ERROR ? "Something went wrong on our side" : "Request failed";
        return ResponseEntity.status(code)
                .body(Envelope.error(errorCode, message, List.of(), RequestIds.assign(request, response)));
    }
}
