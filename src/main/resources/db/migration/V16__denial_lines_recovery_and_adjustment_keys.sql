-- Denial management, second round: a denial of service lines inside a paid claim, what the payer
-- paid after a denial was worked, a void closing an open denial, and idempotent manual adjustments.
-- Runs on H2 and PostgreSQL alike.

-- The service lines a denial is about (null: the whole claim): claim line numbers and the SVC
-- references as the 835 named them ("SVC 2 80053 6R 2").
alter table denial add column claim_lines varchar(100);
alter table denial add column service_lines varchar(500);
-- What the payer paid after the denial was worked (a replacement claim, a won appeal): the
-- remittance that answered, and when it posted. recovered_amount holds the amount.
alter table denial add column recovery_remittance_id uuid references remittance_claim (id);
alter table denial add column recovered_at timestamp with time zone;

-- VOIDED: the claim was voided while its denial was open; the denial leaves the queues.
alter table denial drop constraint denial_outcome_ck;
alter table denial add constraint denial_outcome_ck check (outcome is null or outcome in ('RESUBMITTED', 'APPEAL_WON',
    'APPEAL_LOST', 'WRITTEN_OFF', 'VOIDED'));

-- POST /api/claims/{id}/adjustments with an Idempotency-Key: the key, what was asked (to refuse
-- the same key with another body) and what came of it (to answer a retry with the same adjustment).
create table manual_adjustment_request (
    idempotency_key     varchar(120)  primary key,
    claim_id            uuid          not null references claim (id),
    request_fingerprint varchar(500)  not null,
    adjustment_id       uuid          not null,
    outcome             varchar(20)   not null,
    journal_entry_id    uuid,
    process_instance_id varchar(64),
    queue               varchar(64),
    amount              numeric(14,2) not null,
    account_code        varchar(16),
    requested_by        varchar(64)   not null,
    requested_at        timestamp with time zone not null,
    constraint manual_adjustment_request_outcome_ck check (outcome in ('POSTED', 'AWAITING_APPROVAL'))
);
