-- Since when a partner has had an outbound postback URL (null: none): postbacks go out for conversion events from
-- then on, never for older ones. Rows projected before this column existed count from their last change.
alter table partners add column postback_since timestamp(6) with time zone;
update partners set postback_since = updated_at where postback_url_ref is not null;
