-- Query side: council evaluations with members' scores and each part's mean.
create table evaluation_view (
    evaluation_id         varchar(36)   not null,
    product_id            varchar(36)   not null,
    kind                  varchar(20)   not null,
    level                 varchar(20)   not null,
    round                 varchar(100),
    evaluated_on          date          not null,
    dossier_filed_on      date,
    criteria_set_code     varchar(20)   not null,
    members               integer       not null,
    member_scores         text          not null,
    part_a_mean           numeric(6, 2) not null,
    part_b_mean           numeric(6, 2) not null,
    part_c_mean           numeric(6, 2) not null,
    score                 numeric(6, 2) not null,
    score_band            integer       not null,
    minimums_met_up_to    integer       not null,
    stars                 integer,
    disqualification      varchar(1000),
    official_product_code varchar(40),
    constraint evaluation_view_pkey primary key (evaluation_id)
);
create index evaluation_view_product_idx on evaluation_view (product_id);
create index evaluation_view_round_idx on evaluation_view (round, level);
