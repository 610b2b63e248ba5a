-- db-scheduler's table (its PostgreSQL DDL for 16.x): one row per pending execution of a task, shared by every node.
-- Nodes claim due rows with SELECT ... FOR UPDATE SKIP LOCKED (picked, picked_by, version), keep a heartbeat while
-- they run them, and delete (one-time) or reschedule (recurring) the row when done. task_data is the task's data as
-- JSON (Axon deadlines and scheduled events included).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
-- db-scheduler's (priority desc, execution_time) index is left out: priorities are not enabled
-- (db-scheduler.priority-enabled); add the index in the migration that enables them.
