-- Query side: counts kept by the views' projections beside their rows, so that the dashboards and the
-- register's totals read a few hundred cells instead of scanning every product and subject. Each row of a view
-- counts once, in the cell of its values; a cell with no row is not kept. A register row with no stars counts
-- under stars 0, one with no certificate under the status ''.
create table register_tally (
    commune_code             varchar(5)  not null,
    group_code               varchar(10) not null,
    stage                    varchar(20) not null,
    stars                    integer     not null,
    certificate_status       varchar(30) not null,
    key_product              boolean     not null,
    provincial_level         boolean     not null,
    nominated_for_five_stars boolean     not null,
    products                 bigint      not null,
    constraint register_tally_pkey primary key (commune_code, group_code, stage, stars, certificate_status,
                                                key_product, provincial_level, nominated_for_five_stars)
);
insert into register_tally
select commune_code, group_code, stage, coalesce(stars, 0), coalesce(certificate_status, ''), key_product,
       provincial_level, nominated_for_five_stars, count(*)
from product_register
group by 1, 2, 3, 4, 5, 6, 7, 8;

create table subject_tally (
    commune_code varchar(5)  not null,
    legal_form   varchar(30) not null,
    standing     varchar(20) not null,
    subjects     bigint      not null,
    constraint subject_tally_pkey primary key (commune_code, legal_form, standing)
);
insert into subject_tally
select commune_code, legal_form, standing, count(*) from subject_view group by 1, 2, 3;
