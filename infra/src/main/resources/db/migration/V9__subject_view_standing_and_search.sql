-- Query side: the subjects view gains the subject's standing and a diacritics-free search text. The view is
-- emptied and its processor's token removed, so that it is rebuilt from the events at the next start.
delete from subject_view;
delete from token_entry where processor_name = 'subjects';
alter table subject_view
    add column standing    varchar(20)  not null,
    add column search_text varchar(330) not null;
create index subject_view_search_idx on subject_view (search_text);
