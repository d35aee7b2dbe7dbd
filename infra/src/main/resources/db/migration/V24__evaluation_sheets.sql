-- Query side: an evaluation scored with the members' sheets (26/2026) keeps them, the product set whose sheet
-- was filled, the minimums the council's answers missed, and the council's note beside a coded disqualification.
alter table evaluation_view
    add column product_set_code      varchar(3),
    add column member_sheets         text,
    add column minimums_not_met      text,
    add column disqualification_note varchar(1000);
