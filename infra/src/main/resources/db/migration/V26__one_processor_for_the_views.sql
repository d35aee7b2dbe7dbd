-- The five views are fed by one processor, 'views' (one read of the event stream and one transaction per batch for
-- all of them); the audit chain keeps its own. Where the five views' processors stood at the same place in every
-- segment (as after a settled stop), 'views' takes over their tokens. Otherwise no single place serves all five:
-- the views are emptied, with what they had parked, and 'views' replays every event into them from the first.
do $$
declare
    views constant text[] := array['subjects', 'register', 'evaluations', 'support-ledger', 'programme-plans'];
    agreed boolean;
begin
    if not exists (select 1 from token_entry where processor_name = any (views)) then
        return;
    end if;
    select bool_and(kinds = 5 and tokens = 1) into agreed from (
        select segment, count(distinct processor_name) as kinds,
               count(distinct coalesce(encode(token, 'hex'), '') || '/' || coalesce(token_type, '')) as tokens
        from token_entry where processor_name = any (views) group by segment) by_segment;
    if agreed and (select count(distinct segment) * 5 from token_entry where processor_name = any (views))
            = (select count(*) from token_entry where processor_name = any (views)) then
        insert into token_entry (processor_name, segment, owner, timestamp, token, token_type)
        select distinct on (segment) 'views', segment, null, timestamp, token, token_type
        from token_entry where processor_name = any (views) order by segment, timestamp;
    else
        truncate product_register, register_tally, certificate_expiry_tally, subject_view, subject_tally,
            budget_line_view, support_grant_view, programme_plan_view, planned_product_view, evaluation_view;
        -- the replay hands every event to the views again, the parked ones among them
        delete from dead_letter_entry where processing_group = any (views);
    end if;
    delete from token_entry where processor_name = any (views);
end $$;
