-- Query side: the register shows each certificate's renewal dates. The view is emptied and its processor's
-- token removed, so that it is rebuilt from the events at the next start.
delete from product_register;
delete from token_entry where processor_name = 'register';
alter table product_register
    add column renewal_notice_on              date,
    add column re_evaluation_window_opens_on  date,
    add column re_evaluation_window_closes_on date;
