-- Query side: programme plans with their targets in force, and their planned products.
create table programme_plan_view (
    plan_id         varchar(36)  not null,
    title           varchar(500) not null,
    from_year       integer      not null,
    to_year         integer      not null,
    targets         text         not null,
    decision_number varchar(100) not null,
    decided_on      date         not null,
    amendments      integer      not null,
    version         bigint       not null,
    constraint programme_plan_view_pkey primary key (plan_id)
);

create table planned_product_view (
    planned_product_id varchar(36)  not null,
    plan_id            varchar(36)  not null,
    name               varchar(300) not null,
    district_code      varchar(3),
    commune_code       varchar(5),
    group_code         varchar(10)  not null,
    product_id         varchar(36),
    constraint planned_product_view_pkey primary key (planned_product_id)
);
create index planned_product_view_plan_idx on planned_product_view (plan_id);
