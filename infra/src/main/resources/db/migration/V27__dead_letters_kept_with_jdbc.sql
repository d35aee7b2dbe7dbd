-- The service keeps no JPA: Axon's JDBC dead-letter queue keeps the views' dead letters in the table its JPA queue
-- used, and writes their times as text (ISO-8601 instants in UTC with milliseconds), which it also compares as text.
alter table dead_letter_entry
    alter column enqueued_at type varchar(255)
        using to_char(enqueued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    alter column last_touched type varchar(255)
        using to_char(last_touched at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    alter column processing_started type varchar(255)
        using to_char(processing_started at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
