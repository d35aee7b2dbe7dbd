-- Signed-in sessions of the dashboard, kept in the database (Spring Session JDBC) so that any node behind a
-- load balancer serves any session and a restart signs nobody out. The API itself keeps no session.
create table dashboard_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);

create unique index dashboard_session_by_id on dashboard_session (session_id);
create index dashboard_session_by_expiry on dashboard_session (expiry_time);
create index dashboard_session_by_principal on dashboard_session (principal_name);

create table dashboard_session_attributes (
    session_primary_id char(36)     not null references dashboard_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
