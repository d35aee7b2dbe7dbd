-- Command side: requests carried out under an Idempotency-Key. The key is claimed in the transaction that
-- appends the command's events; the response is added when it is known.
create table idempotency_record (
    idempotency_key     varchar(200)             not null,
    request_fingerprint varchar(64)              not null,
    aggregate_id        varchar(64)              not null,
    response_status     integer,
    response_body       text,
    response_location   varchar(300),
    created_at          timestamp with time zone not null default now(),
    constraint idempotency_record_pkey primary key (idempotency_key)
);
