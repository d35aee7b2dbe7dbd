-- Command side: whether a subject may register products, written with the subject's events.
create table subject_standing (
    subject_id varchar(36) not null,
    standing   varchar(20) not null,
    constraint subject_standing_pkey primary key (subject_id),
    constraint subject_standing_known check (standing in ('ACTIVE', 'SUSPENDED', 'DISSOLVED'))
);
-- Subjects registered before standings were kept are active: none has been suspended or dissolved.
insert into subject_standing (subject_id, standing)
select subject_id, 'ACTIVE' from subject_registration_number;
