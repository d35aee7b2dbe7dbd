-- Built-in accounts: a password hash (never the password), one role and the jurisdiction it acts in.
create table account (
    username             varchar(100) not null,
    password_hash        varchar(200) not null,
    role                 varchar(30)  not null,
    province_code        varchar(3),
    district_code        varchar(3),
    commune_code         varchar(5),
    must_change_password boolean      not null,
    bootstrap            boolean      not null default false,
    enabled              boolean      not null default true,
    created_at           timestamptz  not null,
    password_changed_at  timestamptz,
    constraint account_pkey primary key (username),
    constraint account_role_check check (role in ('ADMINISTRATOR', 'PROVINCE_OFFICER', 'DISTRICT_OFFICER',
        'COMMUNE_OFFICER', 'COUNCIL_SECRETARY', 'AUDITOR', 'VIEWER'))
);
