package com.crowdledger.infra.idempotency;

import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.Failures;
import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.crypto.AesGcm;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.PlatformSecrets;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.NoIdempotencyKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on POST (SPEC §3). The request runs in one transaction that begins by inserting the key's
 * row; its commands join that transaction, and the 2xx response is stored in it before it commits:
 * <ul>
 *   <li>a retry with the same key and body gets the stored status and body back, with {@code Idempotent-Replayed:
 *       true}; with another body, 422 {@code IDEMPOTENCY_MISMATCH};</li>
 *   <li>a concurrent duplicate blocks on the row's unique index until the first commits, then replays it (after
 *       {@link #WAIT_SECONDS} s of waiting, 409 {@code CONFLICT}): one effect, never two;</li>
 *   <li>a request that does not succeed (validation error, conflict, crash) rolls back with its row: it changed
 *       nothing, so the same key may be retried;</li>
 *   <li>the commit happens before the response leaves: if it fails, the held 2xx is thrown away and the client gets
 *       409 (a race the database settled) or 500, and nothing is stored.</li>
 * </ul>
 * Keys belong to the API key that sent them (a dashboard session: to its account; without a key: to the client
 * address), so a replay never hands a response to a caller other than the one it was made for. Kept 24 hours.
 */
@Component
public class Idempotency implements HandlerInterceptor {
    static final int WAIT_SECONDS = 30;
    static final int MAX_KEY_LENGTH = 255;
    private static final String STATE = Idempotency.class.getName() + ".state";

    /** The platform secret that keys the idempotency records' lookup hash and cipher. */
    public static final String SECRET = "idempotency-keys";

    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final TrustedProxies proxies;
    private final PlatformSecrets secrets;

    Idempotency(PlatformTransactionManager transactions, JdbcTemplate jdbc, TrustedProxies proxies,
                PlatformSecrets secrets) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.proxies = proxies;
        this.secrets = secrets;
    }

    private record Pending(TransactionStatus transaction, byte[] cipherKey, String keyHash) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String idempotencyKey = request.getHeader(IdempotentBodies.HEADER);
        if (idempotencyKey == null || !"POST".equals(request.getMethod()) || !appliesTo(handler)) {
            return true;
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw DomainException.invalid(IdempotentBodies.HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String owner = owner(request);
        // keyed with a platform secret: a database dump alone cannot test guesses of the client's keys
        byte[] secret = secrets.get(SECRET);
        String keyHash = Digests.hmacSha256Hex(secret, owner + "\n" + idempotencyKey);
        // domain-separated from the lookup hash, so the stored key_hash does not give the cipher key
        byte[] cipherKey = Digests.hmacSha256(secret, ("response\n" + owner + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
        String requestHash = Digests.sha256Hex(request.getMethod() + " " + request.getRequestURI() + "\n"
                + new String((byte[]) request.getAttribute(IdempotentBodies.BODY), StandardCharsets.UTF_8));

        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            jdbc.execute("set local lock_timeout = '" + WAIT_SECONDS + "s'");
            jdbc.update("delete from idempotency_keys where key_hash = ? and expires_at <= now()", keyHash);
            int inserted = jdbc.update("""
                    insert into idempotency_keys (key_hash, request_hash, created_at, expires_at)
                    values (?, ?, now(), now() + interval '24 hours') on conflict (key_hash) do nothing""",
                    keyHash, requestHash);
            if (inserted == 1) {
                request.setAttribute(STATE, new Pending(transaction, cipherKey, keyHash));
                return true;
            }
            Map<String, Object> first = jdbc.queryForMap(
                    "select request_hash, response_status, response_body from idempotency_keys where key_hash = ?",
                    keyHash);
            transactions.commit(transaction);
            if (!requestHash.equals(first.get("request_hash"))) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_MISMATCH,
                        "This Idempotency-Key was used with another request; use a new key for a new request");
            }
            replay(response, (Integer) first.get("response_status"),
                    AesGcm.open(cipherKey, (byte[]) first.get("response_body"), keyHash.getBytes(StandardCharsets.UTF_8)));
            return false;
        } catch (CannotAcquireLockException e) {
            transactions.rollback(transaction);
            throw DomainException.conflict("A request with this Idempotency-Key is still in progress; retry later");
        } catch (RuntimeException e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            throw e;
        }
    }

    /**
     * The handler has written its response into the held buffer: store it and commit now, while a failure can still
     * replace it. (An exception thrown here goes through the error handlers like the handler's own.)
     */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        if (!(request.getAttribute(STATE) instanceof Pending pending)) {
            return;
        }
        request.removeAttribute(STATE);
        int status = response.getStatus();
        ContentCachingResponseWrapper held = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (status < 200 || status >= 300 || held == null || pending.transaction().isRollbackOnly()) {
            transactions.rollback(pending.transaction());
            return;
        }
        try {
            jdbc.update("update idempotency_keys set response_status = ?, response_body = ? where key_hash = ?", status,
                    AesGcm.seal(pending.cipherKey(), held.getContentAsByteArray(),
                            pending.keyHash().getBytes(StandardCharsets.UTF_8)),
                    pending.keyHash());
            transactions.commit(pending.transaction());
        } catch (RuntimeException e) {
            if (!pending.transaction().isCompleted()) {
                transactions.rollback(pending.transaction());
            }
            held.resetBuffer();
            throw Failures.classify(e).map(error -> (RuntimeException) error.toException())
                    .orElseGet(() -> new IllegalStateException("The request's transaction did not commit", e));
        }
    }

    /** The handler failed (or its error was already answered): nothing of the request is kept. */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (request.getAttribute(STATE) instanceof Pending pending) {
            request.removeAttribute(STATE);
            transactions.rollback(pending.transaction());
        }
    }

    void purgeExpired() {
        jdbc.update("delete from idempotency_keys where expires_at <= now()");
    }

    /** API POST handlers, less those that say the key does not apply to them. */
    static boolean appliesTo(Object handler) {
        return ApiHandlers.isApi(handler)
                && !((HandlerMethod) handler).hasMethodAnnotation(NoIdempotencyKey.class);
    }

    private String owner(HttpServletRequest request) {
        Caller caller = RequestCaller.of(request);
        if (caller == null) {
            return "address:" + proxies.clientAddress(request);
        }
        return caller.isDashboardSession() ? "session:" + caller.accountId() : "key:" + caller.keyId();
    }

    private static void replay(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(body);
    }
}
