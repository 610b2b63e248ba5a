-- Read model "chat-view": contacts, conversations (with each participant's unread count and read marker) and
-- messages. account_id is the owner account; tester_account_id the second party.
create table chat_accounts (
    account_id text not null primary key,
    name       text not null,
    role       text not null
);

create table chat_contacts (
    id                text not null primary key, -- owner:tester:mode, unique per pair and mode
    account_id        text not null,
    mode              text not null check (mode in ('LIVE', 'TEST')),
    tester_account_id text not null,
    created_at        timestamp(6) with time zone not null
);
create index chat_contacts_owner on chat_contacts (account_id, mode, created_at desc, id desc);
create index chat_contacts_tester on chat_contacts (tester_account_id, mode, created_at desc, id desc);

create table chat_conversations (
    id                 text   not null primary key,
    account_id         text   not null,
    mode               text   not null check (mode in ('LIVE', 'TEST')),
    tester_account_id  text   not null,
    message_count      bigint not null default 0,
    owner_unread       bigint not null default 0,
    tester_unread      bigint not null default 0,
    owner_read_up_to   bigint not null default 0,
    tester_read_up_to  bigint not null default 0,
    last_message_at    timestamp(6) with time zone,
    created_at         timestamp(6) with time zone not null
);
create index chat_conversations_owner on chat_conversations (account_id, mode, created_at desc, id desc);
create index chat_conversations_tester on chat_conversations (tester_account_id, mode, created_at desc, id desc);

create table chat_messages (
    id                text   not null primary key,
    conversation_id   text   not null,
    sender_account_id text   not null,
    text              text   not null,
    sequence          bigint not null,
    created_at        timestamp(6) with time zone not null
);
create index chat_messages_conversation on chat_messages (conversation_id, created_at desc, id desc);
