-- Query side: the council evaluations and the support grants are listed newest first. Without an index in that
-- order every page sorted the whole view (at 187,000 evaluations, 225 ms of the database for page 100); with it a
-- page's keys are read in order from the index alone (KeysFirst), and only the page's rows from the table.
create index evaluation_view_evaluated_idx on evaluation_view (evaluated_on desc, evaluation_id);
create index support_grant_view_granted_idx on support_grant_view (granted_on desc, grant_id);
