-- Command side: each slot's playtest (slot commands are commands on the playtest), written in the order's transaction.
create table slot_lookup (
    slot_id     text not null primary key,
    playtest_id text not null
);
