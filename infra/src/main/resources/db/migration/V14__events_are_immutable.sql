-- Events are forever: the event table refuses UPDATE and DELETE (and TRUNCATE), whoever asks. In production the
-- service's database role should also lack those privileges (docs/event-store.md); the trigger also guards
-- against a role that has them.
create function reject_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'stored events are immutable: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger domain_event_entry_immutable
    before update or delete on domain_event_entry
    for each row execute function reject_event_change();

create trigger domain_event_entry_not_truncated
    before truncate on domain_event_entry
    for each statement execute function reject_event_change();
