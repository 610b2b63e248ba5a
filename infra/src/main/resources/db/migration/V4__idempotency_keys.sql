-- Idempotency-Key records: the first completed (2xx) response to a POST, kept 24 h.
-- key_hash = SHA-256 of the caller's scope and the key; response_body is AES-GCM encrypted under a key derived from
-- the client's Idempotency-Key (which is not stored), because a creation response can hold a secret.
create table idempotency_keys (
    key_hash        text    not null primary key,
    request_hash    text    not null,
    response_status integer,
    response_body   bytea,
    created_at      timestamp(6) with time zone not null,
    expires_at      timestamp(6) with time zone not null
);
create index idempotency_keys_expiry on idempotency_keys (expires_at);
