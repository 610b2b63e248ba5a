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
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
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
    static final String SEND_JSON = "Send the body as application/json";
    private static final String INVALID = "The request is invalid";
    private static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(DomainException.class)
    void api(DomainException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    void invalidBody(MethodArgumentNotValidException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<FieldIssue> details = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldIssue(error.getField(), error.getDefaultMessage()))
                .toList();
        respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID, details);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    void invalidParameters(HandlerMethodValidationException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<FieldIssue> details = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldIssue(field(result, error), error.getDefaultMessage())))
                .toList();
        respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID, details);
    }

    /**
     * What the client calls the invalid value: a body's field (when a route validates a header too, Spring checks the
     * body along with it, as a parameter), a header's or query parameter's own name, else the parameter's.
     */
    private static String field(ParameterValidationResult result, MessageSourceResolvable error) {
        if (error instanceof FieldError fieldError) {
            return fieldError.getField();
        }
        MethodParameter parameter = result.getMethodParameter();
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        return parameter.getParameterName();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String reason = rootMessage(e);
        respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID,
                List.of(new FieldIssue(e.getName(), reason == null ? "has the wrong type" : reason)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID,
                List.of(new FieldIssue(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        DomainException tooLarge = findCause(e, DomainException.class);
        if (tooLarge != null) {
            api(tooLarge, request, response);
            return;
        }
        Throwable cause = e.getCause();
        if (cause == null) {
            respond(request, response, ErrorCode.INVALID_REQUEST, "The request body is missing", List.of());
        } else if (cause instanceof InputCoercionException outOfRange) {
            respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID,
                    List.of(new FieldIssue(path(outOfRange), "is out of range")));
        } else if (cause instanceof StreamReadException) {
            respond(request, response, ErrorCode.INVALID_REQUEST, "The request body is not valid JSON", List.of());
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID,
                    List.of(new FieldIssue(path(unknown), "is not a field of this request")));
        } else if (cause instanceof DatabindException databind) {
            String reason = rootMessage(databind);
            respond(request, response, ErrorCode.VALIDATION_ERROR, INVALID,
                    List.of(new FieldIssue(path(databind), reason != null ? reason : "has the wrong type")));
        } else {
            respond(request, response, ErrorCode.INVALID_REQUEST, "The request body could not be read", List.of());
        }
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        respond(request, response, ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here", List.of());
    }

    /** The client accepts no JSON: answered in JSON all the same (the envelope is the only shape there is). */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.NOT_ACCEPTABLE, "This API answers in application/json only");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void mediaType(HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, SEND_JSON, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    void noRoute(HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, ErrorCode.NOT_FOUND, "No such route", List.of());
    }

    /** The client went away (a closed stream, say): there is nobody to answer, and nothing went wrong here. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
    }

    @ExceptionHandler(Exception.class)
    void failure(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        DomainError error = Failures.classify(e).orElse(null);
        if (error == null) {
            log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), e);
            respond(request, response, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; the request id "
                    + "identifies it", List.of());
            return;
        }
        if (error.code() == ErrorCode.CONFLICT && !(e instanceof DomainException)) {
            log.info("Race answered as 409: {}", e.toString());
        }
        respond(request, response, error.code(), error.message(), error.details());
    }

    /** Written directly, whatever the request's Accept: the envelope is the only shape an error has. */
    private void respond(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
                         List<FieldIssue> details) throws IOException {
        if (code.kind() == ErrorCode.Kind.UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS); // a moment's overload
        }
        errors.write(request, response, code, message, details);
    }

    private static String path(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.replace(".[", "[");
    }

    /** The field of a number too large for its type, as the parser was reading it. */
    private static String path(InputCoercionException e) {
        String path = "";
        TokenStreamContext context = e.processor() == null ? null : e.processor().streamReadContext();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            String step = context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.currentName();
            path = path.isEmpty() || path.startsWith("[") ? step + path : step + "." + path;
        }
        return path;
    }

    /** The reason to show when an enum name was unknown (the list of allowed names) or text was not; else null. */
    private static String rootMessage(Throwable e) {
        WireNames.UnknownName unknown = findCause(e, WireNames.UnknownName.class);
        if (unknown != null) {
            return unknown.getMessage();
        }
        StrictJson.NotText notText = findCause(e, StrictJson.NotText.class);
        return notText == null ? null : notText.getMessage();
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
