-- Axon's JPA storage engine: events, snapshots, processor tokens, sagas, dead letters.
-- byte[] columns are bytea (see ByteaPostgreSQLDialect); the global index sequence hands out one number at a time.
create sequence domain_event_entry_global_index_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null unique,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    time_stamp           varchar(255) not null,
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    time_stamp           varchar(255) not null,
    primary key (sequence_number, aggregate_identifier, type)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    primary key (segment, processor_name)
);

create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id                bigint       not null primary key,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255)
);
create index association_value_entry_lookup on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga on association_value_entry (saga_id, saga_type);

create table saga_entry (
    saga_id         varchar(255) not null primary key,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea
);

create table dead_letter_entry (
    dead_letter_id       varchar(255)  not null primary key,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- Command side: the set-based facts of accounts, written in the registering command's transaction.
create table account_lookup (
    account_id              text not null primary key,
    email                   text not null unique,
    slug                    text not null unique,
    verification_token_hash text not null unique
);

-- Read models.
create table accounts (
    id             text    not null primary key,
    email          text    not null unique,
    name           text    not null,
    role           text    not null check (role in ('OWNER', 'TESTER')),
    slug           text    not null unique,
    password_hash  text    not null,
    email_verified boolean not null default false,
    created_at     timestamp(6) with time zone not null
);

create table api_keys (
    id          text not null primary key,
    account_id  text not null,
    mode        text not null check (mode in ('LIVE', 'TEST')),
    name        text not null,
    scopes      text not null,
    prefix      text not null,
    secret_hash text not null,
    expires_at  timestamp(6) with time zone,
    revoked_at  timestamp(6) with time zone,
    created_at  timestamp(6) with time zone not null
);
create index api_keys_prefix on api_keys (prefix);
create index api_keys_account on api_keys (account_id, created_at desc, id desc);

-- Telemetry kept outside the rebuildable key view: a rebuild keeps it.
create table api_key_usage (
    key_id       text not null primary key,
    last_used_at timestamp(6) with time zone not null
);

-- Dashboard sessions: only SHA-256 fingerprints of the cookie and CSRF tokens are stored.
create table dashboard_sessions (
    token_hash text not null primary key,
    csrf_hash  text not null,
    account_id text not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);
create index dashboard_sessions_expiry on dashboard_sessions (expires_at);
