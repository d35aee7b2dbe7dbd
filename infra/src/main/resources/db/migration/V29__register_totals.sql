-- The register's counts of the whole country: the cells of register_tally without the commune, so that a national
-- total (the register's list, the public catalogue, the expiry pipeline) reads a few hundred cells, not the tens of
-- thousands of a commune-by-commune tally. Kept by the same projection, in the same transaction, from the same moves.
create table register_totals (
    group_code               varchar(10) not null,
    stage                    varchar(20) not null,
    stars                    integer     not null,
    certificate_status       varchar(30) not null,
    key_product              boolean     not null,
    provincial_level         boolean     not null,
    nominated_for_five_stars boolean     not null,
    products                 bigint      not null,
    constraint register_totals_pkey primary key (group_code, stage, stars, certificate_status, key_product,
                                                 provincial_level, nominated_for_five_stars)
);
insert into register_totals
select group_code, stage, stars, certificate_status, key_product, provincial_level, nominated_for_five_stars,
       sum(products)
from register_tally
group by 1, 2, 3, 4, 5, 6, 7;
