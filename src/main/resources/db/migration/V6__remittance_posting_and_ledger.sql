-- Remittance posting per 835 file, the chart of accounts by payer class, the adjustment account
-- mapping finance maintains, journal sources, ERP batches and bank deposit reconciliation.
-- Runs on H2 and PostgreSQL alike: keep to the common subset of SQL.

-- Chart of accounts ----------------------------------------------------------------------------

-- A sub-account rolls up to its parent (a control account) in per-claim views; postings for a
-- claim to the insurance receivable land in the sub-account of the claim's payer class.
alter table ledger_account add column parent_code varchar(16) references ledger_account (code);
alter table ledger_account add column payer_class varchar(16);

update ledger_account set name = 'Insurance receivables (control)' where code = '1110';
insert into ledger_account (code, name, account_type, parent_code, payer_class) values
    ('1111', 'Insurance receivables - Medicare',   'ASSET', '1110', 'MEDICARE'),
    ('1112', 'Insurance receivables - Medicaid',   'ASSET', '1110', 'MEDICAID'),
    ('1113', 'Insurance receivables - Commercial', 'ASSET', '1110', 'COMMERCIAL');
insert into ledger_account (code, name, account_type) values
    ('1020', 'Cash - operating bank account',        'ASSET'),
    ('2130', 'Payer overpayments and recoupments',   'LIABILITY'),
    ('2140', 'Payer forwarding balances',            'LIABILITY');

-- Which account a CAS adjustment goes to: payer (or payer class) x group x reason. The most
-- specific rule wins (payer over payer class over any; a reason over any reason). Finance edits it
-- on /api/ledger/adjustment-accounts; every change is stamped with who and when.
create table adjustment_account_rule (
    id           uuid         primary key,
    payer_id     varchar(32),
    payer_class  varchar(16),
    group_code   varchar(2)   not null,
    reason_code  varchar(5),
    account_code varchar(16)  not null references ledger_account (code),
    changed_by   varchar(64)  not null,
    changed_at   timestamp with time zone not null,
    -- one rule per combination; '*' stands for "any" so the key can be unique
    rule_key     varchar(64)  not null,
    constraint adjustment_account_rule_uq unique (rule_key),
    constraint adjustment_account_rule_group_ck check (group_code in ('CO', 'OA', 'PI', 'CR'))
);

insert into adjustment_account_rule (id, group_code, reason_code, account_code, changed_by, changed_at, rule_key) values
    ('00000000-0000-0000-0006-000000000001', 'CO', null,  '4110', 'migration', current_timestamp, '*|*|CO|*'),
    ('00000000-0000-0000-0006-000000000002', 'CO', '45',  '4110', 'migration', current_timestamp, '*|*|CO|45'),
    ('00000000-0000-0000-0006-000000000003', 'CO', '29',  '4120', 'migration', current_timestamp, '*|*|CO|29'),
    ('00000000-0000-0000-0006-000000000004', 'CO', '50',  '4120', 'migration', current_timestamp, '*|*|CO|50'),
    ('00000000-0000-0000-0006-000000000005', 'CO', '197', '4120', 'migration', current_timestamp, '*|*|CO|197'),
    ('00000000-0000-0000-0006-000000000006', 'CO', '16',  '4120', 'migration', current_timestamp, '*|*|CO|16'),
    ('00000000-0000-0000-0006-000000000007', 'PI', null,  '4130', 'migration', current_timestamp, '*|*|PI|*'),
    ('00000000-0000-0000-0006-000000000008', 'OA', null,  '4130', 'migration', current_timestamp, '*|*|OA|*'),
    ('00000000-0000-0000-0006-000000000009', 'CR', null,  '4130', 'migration', current_timestamp, '*|*|CR|*');

-- Which account a PLB provider adjustment goes to, by PLB03-1 reason; an unknown reason goes to
-- unapplied cash for a person to look at.
create table provider_adjustment_account (
    reason_code  varchar(3)   primary key,
    account_code varchar(16)  not null references ledger_account (code),
    changed_by   varchar(64)  not null,
    changed_at   timestamp with time zone not null
);
insert into provider_adjustment_account (reason_code, account_code, changed_by, changed_at) values
    ('L6', '4510', 'migration', current_timestamp),
    ('WO', '2130', 'migration', current_timestamp),
    ('72', '2130', 'migration', current_timestamp),
    ('FB', '2140', 'migration', current_timestamp),
    ('CS', '4130', 'migration', current_timestamp);

-- Journal entries carry their source document --------------------------------------------------

alter table journal_entry add column source_file_id uuid;
alter table journal_entry add column trace_number varchar(50);
alter table journal_entry add column payer_id varchar(32);
create index journal_entry_file_ix on journal_entry (source_file_id);
-- the CAS (group-reason) or PLB reason behind each line
alter table journal_line add column source_code varchar(16);

-- ERP batches: what went to the ERP, under which idempotency key, and what it answered.
create table erp_batch (
    id              uuid         primary key,
    idempotency_key varchar(128) not null,
    entries         integer      not null,
    total           numeric(14,2) not null,
    erp_reference   varchar(64),
    sent_at         timestamp with time zone not null,
    constraint erp_batch_key_uq unique (idempotency_key)
);

-- 835 files -------------------------------------------------------------------------------------

create table remittance_file (
    id                uuid          primary key references inbound_message (id),
    sha256            char(64)      not null,
    source            varchar(64)   not null,
    status            varchar(16)   not null,
    interchange_control_number varchar(9),
    group_control_number       varchar(9),
    transaction_control_numbers varchar(255),
    sender_id         varchar(15),
    trace_number      varchar(50),
    payer_id          varchar(32),
    payment_method    varchar(3),
    payment_date      date,
    total_payment     numeric(14,2),
    claim_count       integer       not null default 0,
    problem_count     integer       not null default 0,
    problems          varchar(2000),
    -- progress of posting: the first claims_taken CLPs (in file order) are posted and committed
    claims_taken      integer       not null default 0,
    matched           integer       not null default 0,
    unmatched         integer       not null default 0,
    already_taken     integer       not null default 0,
    received_at       timestamp with time zone not null,
    posted_at         timestamp with time zone,
    posting_millis    bigint,
    constraint remittance_file_status_ck check (status in ('RECEIVED', 'REFUSED', 'POSTING', 'POSTED')),
    -- the same file delivered again (byte for byte) is acted on once
    constraint remittance_file_sha_uq unique (sha256)
);
create index remittance_file_trace_ix on remittance_file (trace_number);

alter table remittance_claim add column file_id uuid references remittance_file (id);
alter table remittance_claim add column clp_sequence integer;
alter table remittance_claim add column match_method varchar(16);
alter table remittance_claim add column patient_id varchar(80);
alter table remittance_claim add column service_date date;
alter table remittance_claim add column resolution varchar(16);
-- a secondary or tertiary payment after a primary: it takes down what the patient was left to pay
alter table remittance_claim add column follow_on boolean default false not null;
-- duplicates are now found per file (sha256) and per decision in code, where a missing CLP07 is allowed
alter table remittance_claim drop constraint remittance_claim_uq;
create index remittance_claim_same_ix on remittance_claim (payer_id, trace_number, payer_claim_number);
create unique index remittance_claim_file_seq_uq on remittance_claim (file_id, clp_sequence);
create index remittance_claim_pcn_ix on remittance_claim (patient_control_number);
alter table remittance_adjustment add column line_number integer;
create index claim_payer_claim_number_ix on claim (payer_claim_number);
create index claim_member_ix on claim (member_id);

-- Bank deposits and their match to 835 payments --------------------------------------------------

create table bank_deposit (
    id               uuid          primary key,
    source           varchar(64)   not null,
    bank_reference   varchar(64)   not null,
    deposit_date     date          not null,
    amount           numeric(14,2) not null,
    trace_number     varchar(50),
    matched_file_id  uuid          references remittance_file (id),
    matched_at       timestamp with time zone,
    received_at      timestamp with time zone not null,
    constraint bank_deposit_ref_uq unique (source, bank_reference)
);
create index bank_deposit_trace_ix on bank_deposit (trace_number);
