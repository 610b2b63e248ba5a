-- Platform secrets are stored sealed under the master key (SecretBox), no longer in clear. Secrets written in clear
-- by earlier versions are dropped: a new one is made on first use (for the cursor key this only voids open cursors).
delete from platform_secrets;
alter table platform_secrets drop column secret;
alter table platform_secrets add column sealed text not null;

-- Tenants' secrets that must be read back (webhook signing secrets, partner credentials), sealed under the master
-- key with their reference as context; events and read models carry only the reference.
create table secret_vault (
    reference  text not null primary key,
    purpose    text not null,
    sealed     text not null,
    created_at timestamp(6) with time zone not null default now()
);
