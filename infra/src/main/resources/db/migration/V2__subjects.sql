-- Command side: registration numbers claimed by subjects, written with the subject's events.
create table subject_registration_number (
    registration_number varchar(30) not null,
    subject_id          varchar(36) not null,
    constraint subject_registration_number_pkey primary key (registration_number)
);

-- Keys that seal personal data in events, one per data owner. A forgotten owner keeps the row with no key.
create table personal_data_key (
    key_ref      varchar(64)              not null,
    key_material bytea,
    created_at   timestamp with time zone not null default now(),
    forgotten_at timestamp with time zone,
    constraint personal_data_key_pkey primary key (key_ref),
    constraint personal_data_key_forgotten_has_no_key check (forgotten_at is null or key_material is null)
);

-- Query side: the subjects view.
create table subject_view (
    subject_id              varchar(36)              not null,
    legal_form              varchar(30)              not null,
    name                    varchar(300)             not null,
    registration_number     varchar(30)              not null,
    commune_code            varchar(5)               not null,
    representative_name     varchar(200),
    representative_position varchar(100),
    representative_phone    varchar(20),
    registered_at           timestamp with time zone not null,
    version                 bigint                   not null,
    constraint subject_view_pkey primary key (subject_id)
);
create index subject_view_commune_idx on subject_view (commune_code);
