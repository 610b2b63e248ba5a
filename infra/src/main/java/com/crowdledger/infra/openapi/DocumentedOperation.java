package com.crowdledger.infra.openapi;

import com.crowdledger.shared.error.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.springframework.web.method.HandlerMethod;

/**
 * One operation of the API while it is being documented: the handler behind it, and what the {@link
 * OperationDocumenter}s say about it. The error codes and headers they collect become its responses at the end
 * ({@link ApiDocumentation}), each code under the status {@code ErrorStatus} gives it.
 */
public final class DocumentedOperation {
    private final String method;
    private final String path;
    private final HandlerMethod handler;
    private final Operation operation;
    private final Set<ErrorCode> errors = EnumSet.noneOf(ErrorCode.class);
    private final List<ResponseHeader> headers = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();

    /** A header on the responses whose status matches. */
    record ResponseHeader(String name, Header header, IntPredicate statuses) {
    }

    DocumentedOperation(String method, String path, HandlerMethod handler, Operation operation) {
        this.method = method;
        this.path = path;
        this.handler = handler;
        this.operation = operation;
    }

    /** The HTTP method, upper case ("POST"). */
    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public HandlerMethod handler() {
        return handler;
    }

    /** The operation as springdoc built it from the handler; documenters add to it. */
    public Operation operation() {
        return operation;
    }

    /** The operation may answer these error codes. */
    public void mayAnswer(ErrorCode... codes) {
        errors.addAll(List.of(codes));
    }

    /** Responses whose status matches carry this header (a {@code $ref} to a component header, say). */
    public void addResponseHeader(String name, Header header, IntPredicate statuses) {
        headers.add(new ResponseHeader(name, header, statuses));
    }

    /** A sentence for the operation's description. */
    public void describe(String sentence) {
        sentences.add(sentence);
    }

    Set<ErrorCode> errors() {
        return errors;
    }

    List<ResponseHeader> headers() {
        return headers;
    }

    List<String> sentences() {
        return sentences;
    }
}
