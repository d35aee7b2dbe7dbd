-- Query side: the views as a replay of the events up to a position left them, kept so that a question about a past
-- instant replays only the events after the nearest one instead of every event from the first. Each checkpoint's
-- tables live in a schema of their own (schema_name); this table is their index. A checkpoint is used only by the
-- code that made it (views_code, a digest of the service's classes and migrations), only while the events up to its
-- position are still the ones it replayed (events), and only while no more owners' personal data is forgotten than
-- when it began (forgotten_owners).
create table view_checkpoint (
    position       bigint                   not null,
    events         bigint                   not null,
    recorded_up_to timestamp with time zone not null,
    made_at        timestamp with time zone not null,
    forgotten_owners bigint                 not null,
    views_code     text                     not null,
    schema_name    text                     not null,
    constraint view_checkpoint_pkey primary key (position),
    constraint view_checkpoint_schema_name_key unique (schema_name)
);
