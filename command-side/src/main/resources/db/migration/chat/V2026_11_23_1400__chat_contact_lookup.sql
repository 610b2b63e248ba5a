-- Owner and tester accounts that may talk, per mode (command side: who may start a conversation).
create table chat_contact_lookup (
    mode              text not null check (mode in ('LIVE', 'TEST')),
    owner_account_id  text not null,
    tester_account_id text not null,
    primary key (mode, owner_account_id, tester_account_id)
);
