-- The tamper-evident chain over the event store. One strictly ordered processor appends an entry per stored
-- event: hash(n) = SHA-256(hash(n-1) || canonical bytes of the event at that position). Signed checkpoints
-- (Ed25519) of (sequence, position, hash, time) let an auditor who kept them elsewhere, with the public key,
-- prove that neither the events nor the chain were rewritten afterwards.
create table audit_chain (
    sequence   bigint      not null,
    position   bigint      not null,
    hash       bytea       not null,
    chained_at timestamptz not null,
    constraint audit_chain_pkey primary key (sequence),
    constraint audit_chain_position_key unique (position),
    constraint audit_chain_hash_length check (octet_length(hash) = 32)
);

create table audit_checkpoint (
    sequence  bigint       not null,
    position  bigint       not null,
    hash      bytea        not null,
    signed_at timestamptz  not null,
    key_id    varchar(64)  not null,
    signature bytea        not null,
    constraint audit_checkpoint_pkey primary key (sequence)
);

-- Like the events, the chain and its checkpoints are append-only.
create trigger audit_chain_immutable
    before update or delete on audit_chain
    for each row execute function reject_event_change();
create trigger audit_chain_not_truncated
    before truncate on audit_chain
    for each statement execute function reject_event_change();
create trigger audit_checkpoint_immutable
    before update or delete on audit_checkpoint
    for each row execute function reject_event_change();
create trigger audit_checkpoint_not_truncated
    before truncate on audit_checkpoint
    for each statement execute function reject_event_change();
