-- Command side: where each subject is, for per-commune support policies. Subjects registered earlier take the
-- commune of their registration event (later profile moves are replayed the same way).
alter table subject_standing add column commune_code varchar(5);

update subject_standing s
set commune_code = e.commune_code
from (
    select distinct on (aggregate_identifier) aggregate_identifier,
           convert_from(payload, 'UTF8')::json ->> 'communeCode' as commune_code
    from domain_event_entry
    where payload_type in ('vn.ocop.events.subject.SubjectEvent$SubjectRegistered',
                           'vn.ocop.events.subject.SubjectEvent$SubjectProfileUpdated')
      and convert_from(payload, 'UTF8')::json ->> 'communeCode' is not null
    order by aggregate_identifier, sequence_number desc
) e
where e.aggregate_identifier = s.subject_id;

-- One budget line per province, funding source and fiscal year.
create table budget_line_key (
    province_code  varchar(3)  not null,
    source         varchar(30) not null,
    fiscal_year    integer     not null,
    budget_line_id varchar(36) not null,
    constraint budget_line_key_pkey primary key (province_code, source, fiscal_year)
);

-- What the support policies count: each grant's committed money, net of what was released.
create table support_commitment (
    grant_id       varchar(36) not null,
    subject_id     varchar(36) not null,
    product_id     varchar(36),
    commune_code   varchar(5)  not null,
    kind           varchar(40) not null,
    fiscal_year    integer     not null,
    certificate_id varchar(36),
    amount         bigint      not null,
    constraint support_commitment_pkey primary key (grant_id),
    constraint support_commitment_not_negative check (amount >= 0)
);
create index support_commitment_subject_idx on support_commitment (subject_id, fiscal_year);
create index support_commitment_commune_idx on support_commitment (commune_code, fiscal_year);
create index support_commitment_certificate_idx on support_commitment (certificate_id);

-- A row per commune and fiscal year that grants lock, so the per-commune count holds under concurrency.
create table support_commune_year (
    commune_code varchar(5) not null,
    fiscal_year  integer    not null,
    constraint support_commune_year_pkey primary key (commune_code, fiscal_year)
);
