-- Read model "billing-view": the ledger (signed minor units: credits and refunds add) and the payments.
create table ledger_entries (
    id             text   not null primary key,
    account_id     text   not null,
    mode           text   not null check (mode in ('LIVE', 'TEST')),
    kind           text   not null check (kind in ('CREDIT', 'CHARGE', 'REFUND', 'REWARD')),
    amount_cents   bigint not null,
    currency       text   not null,
    reference_type text   not null,
    reference_id   text   not null,
    created_at     timestamp(6) with time zone not null
);
create index ledger_entries_account on ledger_entries (account_id, mode, created_at desc, id desc);

create table payments (
    id                  text   not null primary key,
    account_id          text   not null,
    mode                text   not null check (mode in ('LIVE', 'TEST')),
    amount_cents        bigint not null,
    currency            text   not null,
    status              text   not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider            text   not null,
    payment_method      text   not null,
    provider_payment_id text,
    invoice_number      bigint,
    failure_reason      text,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null
);
create index payments_account on payments (account_id, mode, created_at desc, id desc);
