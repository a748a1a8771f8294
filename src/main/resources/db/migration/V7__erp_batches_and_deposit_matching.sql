-- ERP batches keep what the ERP answered, including a refusal, and how many attempts it took;
-- bank deposits keep how they were matched to an 835 payment (or why not).
-- Runs on H2 and PostgreSQL alike: keep to the common subset of SQL.

alter table erp_batch add column status varchar(16) default 'SENT' not null;
alter table erp_batch add column attempts integer default 1 not null;
alter table erp_batch add column last_error varchar(500);
alter table erp_batch add column gateway varchar(16) default 'rest' not null;
alter table erp_batch add constraint erp_batch_status_ck check (status in ('SENT', 'FAILED', 'REFUSED'));

-- MATCHED: trace number and amount agree with an 835 payment; AMOUNT_MISMATCH: the trace number
-- names an 835 whose BPR02 differs; ACCEPTED: finance accepted a difference; NOT_REMITTANCE:
-- finance says the deposit is no payer's 835 payment (other income).
alter table bank_deposit add column match_status varchar(16) default 'UNMATCHED' not null;
alter table bank_deposit add column type_code varchar(3);
alter table bank_deposit add column resolved_by varchar(64);
alter table bank_deposit add column resolution_note varchar(255);
alter table bank_deposit add constraint bank_deposit_match_ck
    check (match_status in ('UNMATCHED', 'MATCHED', 'AMOUNT_MISMATCH', 'ACCEPTED', 'NOT_REMITTANCE'));
create index bank_deposit_file_ix on bank_deposit (matched_file_id);
