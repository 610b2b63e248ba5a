package com.crowdledger.infra.idempotency;

import com.crowdledger.command.secret.SecretTokens;
import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.web.ApiException;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.servlet.HandlerInterceptor;
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
 *       nothing, so the same key may be retried.</li>
 * </ul>
 * Keys are scoped to the account and mode (or, without a key, the client address), and kept 24 hours.
 */
@Component
public class Idempotency implements HandlerInterceptor {
    static final int WAIT_SECONDS = 30;
    private static final int MAX_KEY_LENGTH = 255;
    private static final String STATE = Idempotency.class.getName() + ".state";

    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final TrustedProxies proxies;

    Idempotency(PlatformTransactionManager transactions, JdbcTemplate jdbc, TrustedProxies proxies) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.proxies = proxies;
    }

    private record Pending(TransactionStatus transaction, String scope, String idempotencyKey, String keyHash) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String idempotencyKey = request.getHeader(IdempotentBodies.HEADER);
        if (idempotencyKey == null || !"POST".equals(request.getMethod()) || !ApiHandlers.isApi(handler)) {
            return true;
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid(IdempotentBodies.HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Caller caller = RequestCaller.of(request);
        String scope = caller != null
                ? "account:" + caller.accountId() + ":" + (caller.mode() == null ? "dashboard" : caller.mode().wireName())
                : "address:" + proxies.clientAddress(request);
        String keyHash = SecretTokens.sha256Hex(scope + "\n" + idempotencyKey);
        String requestHash = SecretTokens.sha256Hex(request.getMethod() + " " + request.getRequestURI() + "\n"
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
                request.setAttribute(STATE, new Pending(transaction, scope, idempotencyKey, keyHash));
                return true;
            }
            Map<String, Object> first = jdbc.queryForMap(
                    "select request_hash, response_status, response_body from idempotency_keys where key_hash = ?",
                    keyHash);
            transactions.commit(transaction);
            if (!requestHash.equals(first.get("request_hash"))) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_MISMATCH,
                        "This Idempotency-Key was used with another request; use a new key for a new request");
            }
            replay(response, (Integer) first.get("response_status"),
                    ResponseCipher.decrypt(scope, idempotencyKey, (byte[]) first.get("response_body")));
            return false;
        } catch (CannotAcquireLockException e) {
            transactions.rollback(transaction);
            throw ApiException.conflict("A request with this Idempotency-Key is still in progress; retry later");
        } catch (RuntimeException e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            throw e;
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(request.getAttribute(STATE) instanceof Pending pending)) {
            return;
        }
        request.removeAttribute(STATE);
        int status = response.getStatus();
        ContentCachingResponseWrapper held = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (ex != null || status < 200 || status >= 300 || held == null || pending.transaction().isRollbackOnly()) {
            transactions.rollback(pending.transaction());
            return;
        }
        jdbc.update("update idempotency_keys set response_status = ?, response_body = ? where key_hash = ?", status,
                ResponseCipher.encrypt(pending.scope(), pending.idempotencyKey(), held.getContentAsByteArray()),
                pending.keyHash());
        transactions.commit(pending.transaction());
    }

    @Scheduled(fixedDelayString = "PT1H")
    void purgeExpired() {
        jdbc.update("delete from idempotency_keys where expires_at <= now()");
    }

    private static void replay(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(body);
    }
}
