-- The command side's own record of which endpoints each account has in each mode (written by the subscribing group
-- webhook-endpoint-lookup in the command's transaction): the limit of endpoints per account and mode is checked
-- against it, under a lock on the account and mode.
create table webhook_endpoint_lookup (
    webhook_id text primary key,
    account_id text not null,
    mode text not null
);
create index webhook_endpoint_lookup_account on webhook_endpoint_lookup (account_id, mode);
