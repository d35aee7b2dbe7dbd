-- A rebuilt view swapped in replaces the live view's rows without moving the views' tokens. The swap counts itself
-- here, in its own transaction, so that whoever keeps answers of the present views (the dashboards) knows them stale.
create table view_swaps (
    swaps bigint not null
);
insert into view_swaps (swaps) values (0);
