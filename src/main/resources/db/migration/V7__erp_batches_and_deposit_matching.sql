-- ERP batches keep what the ERP answered, including a refusal, and how many attempts it took;
-- bank deposits keep how they were matched to an 835 payment (or why not).
-- Runs on H2 and PostgreSQL alike: keep to the common subset of SQL.

alter table erp_batch add column status varchar(16) default 'SENT' not null;
alter table erp_batch add column attempts integer default 1 not null;
alter table erp_batch add column last_error varchar(500);
alter table erp_batch add column gateway varchar(16) default 'rest' not null;
alter table erp_batch add constraint erp_batch_status_ck check (status in ('SENT', 'FAILED', 'REFUSED'));
