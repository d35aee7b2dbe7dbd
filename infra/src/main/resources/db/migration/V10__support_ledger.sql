-- Query side: the support ledger.
create table budget_line_view (
    budget_line_id  varchar(36)  not null,
    province_code   varchar(3)   not null,
    source          varchar(30)  not null,
    fiscal_year     integer      not null,
    allocated       bigint       not null,
    committed       bigint       not null,
    closed          boolean      not null,
    decision_number varchar(100) not null,
    decided_on      date         not null,
    version         bigint       not null,
    constraint budget_line_view_pkey primary key (budget_line_id)
);
create index budget_line_view_year_idx on budget_line_view (fiscal_year);

create table support_grant_view (
    grant_id           varchar(36)  not null,
    budget_line_id     varchar(36)  not null,
    subject_id         varchar(36)  not null,
    product_id         varchar(36),
    kind               varchar(40)  not null,
    amount             bigint       not null,
    cost_share_percent integer      not null,
    source             varchar(30)  not null,
    fiscal_year        integer      not null,
    commune_code       varchar(5)   not null,
    decision_number    varchar(100) not null,
    granted_on         date         not null,
    disbursed          bigint       not null,
    released           bigint       not null,
    status             varchar(20)  not null,
    version            bigint       not null,
    constraint support_grant_view_pkey primary key (grant_id)
);
create index support_grant_view_year_idx on support_grant_view (fiscal_year);
create index support_grant_view_line_idx on support_grant_view (budget_line_id);
create index support_grant_view_subject_idx on support_grant_view (subject_id);
