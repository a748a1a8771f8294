-- revcycle's own tables (the engine manages its ACT_* tables itself).
-- Runs on H2 (MODE=PostgreSQL) and PostgreSQL alike: keep to the common subset.
-- Money is numeric(14,2), never floating point.

create table encounter (
    id              uuid primary key,
    source_system   varchar(64)  not null,
    source_id       varchar(128) not null,
    facility_id     varchar(32)  not null,
    patient_id      varchar(64)  not null,
    encounter_class varchar(16)  not null,
    service_date    date         not null,
    discharge_date  date,
    received_at     timestamp with time zone not null,
    constraint encounter_source_uq unique (source_system, source_id)
);

create table claim (
    id                     uuid primary key,
    patient_control_number varchar(38)  not null,
    encounter_id           uuid         not null references encounter (id),
    claim_type             varchar(16)  not null,
    frequency_code         char(1)      not null default '1',
    payer_id               varchar(32)  not null,
    payer_claim_number     varchar(50),
    status                 varchar(32)  not null,
    total_charge           numeric(14,2) not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint claim_pcn_uq unique (patient_control_number),
    constraint claim_type_ck check (claim_type in ('PROFESSIONAL', 'INSTITUTIONAL')),
    constraint claim_frequency_ck check (frequency_code in ('1', '7', '8')),
    constraint claim_charge_ck check (total_charge >= 0)
);
create index claim_encounter_ix on claim (encounter_id);
create index claim_status_ix on claim (status);

create table claim_line (
    id             uuid primary key,
    claim_id       uuid          not null references claim (id),
    line_number    integer       not null,
    procedure_code varchar(8),
    modifiers      varchar(11),
    revenue_code   varchar(4),
    units          numeric(9,3)  not null,
    charge         numeric(14,2) not null,
    service_date   date          not null,
    constraint claim_line_uq unique (claim_id, line_number),
    constraint claim_line_code_ck check (procedure_code is not null or revenue_code is not null),
    constraint claim_line_units_ck check (units > 0),
    constraint claim_line_charge_ck check (charge >= 0)
);

-- Chart of accounts: finance can extend it; postings name accounts by code.
create table ledger_account (
    code         varchar(16)  primary key,
    name         varchar(128) not null,
    account_type varchar(16)  not null,
    constraint ledger_account_type_ck check (account_type in ('ASSET', 'LIABILITY', 'REVENUE', 'CONTRA_REVENUE', 'EXPENSE'))
);

insert into ledger_account (code, name, account_type) values
    ('1010', 'Cash clearing',                          'ASSET'),
    ('1110', 'Patient accounts receivable - insurance', 'ASSET'),
    ('1120', 'Patient accounts receivable - self-pay',  'ASSET'),
    ('2110', 'Unapplied cash',                          'LIABILITY'),
    ('4010', 'Gross patient service revenue',           'REVENUE'),
    ('4110', 'Contractual allowances',                  'CONTRA_REVENUE'),
    ('4120', 'Denial write-offs',                       'CONTRA_REVENUE'),
    ('4130', 'Administrative adjustments',              'CONTRA_REVENUE'),
    ('4510', 'Interest income - payers',                'REVENUE'),
    ('6110', 'Bad debt expense',                        'EXPENSE');

-- Double-entry journal. Every entry balances (checked in Java before insert, inside the same
-- transaction as its lines); a line is a debit or a credit, never both.
create table journal_entry (
    id              uuid primary key,
    entry_date      date         not null,
    posted_at       timestamp with time zone not null,
    description     varchar(255) not null,
    source_type     varchar(32)  not null,
    source_ref      varchar(128) not null,
    claim_id        uuid references claim (id),
    posted_by       varchar(64)  not null,
    idempotency_key varchar(128) not null,
    constraint journal_entry_idempotency_uq unique (idempotency_key)
);
create index journal_entry_claim_ix on journal_entry (claim_id);
create index journal_entry_date_ix on journal_entry (entry_date);

create table journal_line (
    entry_id     uuid          not null references journal_entry (id),
    line_number  integer       not null,
    account_code varchar(16)   not null references ledger_account (code),
    debit        numeric(14,2) not null default 0,
    credit       numeric(14,2) not null default 0,
    memo         varchar(255),
    primary key (entry_id, line_number),
    constraint journal_line_amount_ck check (debit >= 0 and credit >= 0 and (debit = 0 or credit = 0) and debit + credit > 0)
);
create index journal_line_account_ix on journal_line (account_code);
