-- Query side: the product register.
create table product_register (
    product_id                  varchar(36)   not null,
    subject_id                  varchar(36)   not null,
    name                        varchar(300)  not null,
    search_text                 varchar(300)  not null,
    taxonomy_code               varchar(10)   not null,
    group_code                  varchar(10)   not null,
    criteria_set_code           varchar(10),
    commune_code                varchar(5)    not null,
    registered_on               date          not null,
    stage                       varchar(20)   not null,
    last_score                  numeric(5, 2),
    last_rating                 integer,
    stars                       integer,
    certificate_id              varchar(36),
    certificate_decision_number varchar(100),
    certificate_decided_on      date,
    certificate_expires_on      date,
    certificate_status          varchar(30),
    key_product                 boolean       not null,
    selected_for_promotion      boolean       not null,
    provincial_level            boolean       not null,
    nominated_for_five_stars    boolean       not null,
    version                     bigint        not null,
    constraint product_register_pkey primary key (product_id)
);
create index product_register_subject_idx on product_register (subject_id);
create index product_register_commune_idx on product_register (commune_code);
create index product_register_certificate_idx on product_register (certificate_status, certificate_expires_on);
create index product_register_search_idx on product_register (search_text);
