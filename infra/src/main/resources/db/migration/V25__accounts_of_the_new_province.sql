-- On 2025-07-01 Kon Tum (62) became part of the new Quảng Ngãi (51): the province's accounts act in the province
-- that took it over. An account's district and commune keep their codes (the old units stay as they were named).
update account set province_code = '51' where province_code = '62';

-- The ministry's OCOP office reads every province served and records the central level's decisions.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check check (role in ('ADMINISTRATOR', 'PROVINCE_OFFICER',
    'MINISTRY_OFFICER', 'DISTRICT_OFFICER', 'COMMUNE_OFFICER', 'COUNCIL_SECRETARY', 'AUDITOR', 'VIEWER'));
