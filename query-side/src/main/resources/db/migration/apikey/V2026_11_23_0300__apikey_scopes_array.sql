-- Scopes as an array of wire names, so that "keys whose scopes are all within the caller's" is one condition
-- (scopes <@ caller's scopes) in the query rather than a filter after paging. varchar[], the type JDBC binds a
-- String[] parameter as.
alter table api_keys alter column scopes type varchar[] using string_to_array(scopes, ',')::varchar[];
