-- The lookup knows whether an address was proved, and until when its token is valid: an unverified registration
-- whose token expired gives the address up to whoever registers it next.
alter table account_lookup add column verified boolean not null default false;
alter table account_lookup add column verification_expires_at timestamp(6) with time zone;
update account_lookup l set verified = a.email_verified from accounts a where a.id = l.account_id;
