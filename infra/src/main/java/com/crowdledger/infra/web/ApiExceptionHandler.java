package com.crowdledger.infra.web;

import com.crowdledger.shared.WireNames;
import com.crowdledger.shared.error.DomainError;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every failure to the error envelope with a stable code; nothing leaks a stack trace. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;

    ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }
    private static final String INVALID = "The request is invalid";
    private static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Envelope> api(DomainException e, HttpServletRequest request) {
        return respond(request, e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Envelope> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldIssue> details = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldIssue(error.getField(), error.getDefaultMessage()))
                .toList();
        return respond(request, ErrorCode.VALIDATION_ERROR, INVALID, details);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Envelope> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldIssue> details = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldIssue(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return respond(request, ErrorCode.VALIDATION_ERROR, INVALID, details);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Envelope> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String reason = rootMessage(e);
        return respond(request, ErrorCode.VALIDATION_ERROR, INVALID,
                List.of(new FieldIssue(e.getName(), reason == null ? "has the wrong type" : reason)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Envelope> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(request, ErrorCode.VALIDATION_ERROR, INVALID,
                List.of(new FieldIssue(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Envelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        DomainException tooLarge = findCause(e, DomainException.class);
        if (tooLarge != null) {
            return api(tooLarge, request);
        }
        Throwable cause = e.getCause();
        if (cause == null) {
            return respond(request, ErrorCode.INVALID_REQUEST, "The request body is missing", List.of());
        }
        if (cause instanceof StreamReadException) {
            return respond(request, ErrorCode.INVALID_REQUEST, "The request body is not valid JSON", List.of());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(request, ErrorCode.VALIDATION_ERROR, INVALID,
                    List.of(new FieldIssue(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof DatabindException databind) {
            String reason = rootMessage(databind);
            return respond(request, ErrorCode.VALIDATION_ERROR, INVALID,
                    List.of(new FieldIssue(path(databind), reason != null ? reason : "has the wrong type")));
        }
        return respond(request, ErrorCode.INVALID_REQUEST, "The request body could not be read", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Envelope> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here", List.of());
    }

    /** The client accepts no JSON: answered in JSON all the same (the envelope is the only shape there is). */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.NOT_ACCEPTABLE, "This API answers in application/json only");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Envelope> mediaType(HttpServletRequest request) {
        return respond(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Envelope> noRoute(HttpServletRequest request) {
        return respond(request, ErrorCode.NOT_FOUND, "No such route", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope> failure(Exception e, HttpServletRequest request) {
        DomainError error = Failures.classify(e).orElse(null);
        if (error == null) {
            log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), e);
            return respond(request, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; the request id "
                    + "identifies it", List.of());
        }
        if (error.code() == ErrorCode.CONFLICT && !(e instanceof DomainException)) {
            log.info("Race answered as 409: {}", e.toString());
        }
        return respond(request, error.code(), error.message(), error.details());
    }

    private static ResponseEntity<Envelope> respond(HttpServletRequest request, ErrorCode code, String message,
                                                    List<FieldIssue> details) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ErrorStatus.of(code));
        if (code.kind() == ErrorCode.Kind.UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS); // a moment's overload
        }
        return response.body(Envelope.error(code, message, details, RequestIds.of(request)));
    }

    private static String path(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.replace(".[", "[");
    }

    /** The reason to show when an enum name was unknown (the list of allowed names); null otherwise. */
    private static String rootMessage(Throwable e) {
        WireNames.UnknownName unknown = findCause(e, WireNames.UnknownName.class);
        return unknown == null ? null : unknown.getMessage();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
