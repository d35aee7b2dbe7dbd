-- The idempotency record is now written whole in the command's transaction: the answer's version and created
-- id become columns of their own instead of a JSON body stored afterwards.
alter table idempotency_record
    add column aggregate_version bigint,
    add column created_id varchar(64);

update idempotency_record
set aggregate_version = (response_body::json ->> 'version')::bigint,
    created_id        = response_body::json ->> 'createdId'
where response_body is not null;

-- A record whose answer was never stored cannot be replayed exactly; its request may be sent again.
delete from idempotency_record where response_status is null or aggregate_version is null;

alter table idempotency_record
    drop column response_body,
    alter column response_status set not null,
    alter column aggregate_version set not null;
