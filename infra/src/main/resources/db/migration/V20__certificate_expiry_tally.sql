-- Query side: certificates counted by status and expiry date, kept by the register's projection beside its rows,
-- so that "valid and expiring within 90 days of today" — a figure whose day moves — adds up a few hundred dates
-- instead of reading every valid certificate's row. A product with no certificate is not counted.
create table certificate_expiry_tally (
    certificate_status     varchar(30) not null,
    certificate_expires_on date        not null,
    products               bigint      not null,
    constraint certificate_expiry_tally_pkey primary key (certificate_status, certificate_expires_on)
);
insert into certificate_expiry_tally
select certificate_status, certificate_expires_on, count(*)
from product_register
where certificate_status is not null and certificate_expires_on is not null
group by 1, 2;
