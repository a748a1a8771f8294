-- revcycle's own tables (the engine manages its ACT_* tables itself).
-- Runs on H2 and PostgreSQL alike: keep to the common subset of SQL.
-- Money is numeric(14,2), never floating point. Timestamps are UTC.

-- Master data ------------------------------------------------------------------------------

create table payer (
    id                 varchar(32)  primary key,
    name               varchar(128) not null,
    payer_class        varchar(16)  not null,
    timely_filing_days integer      not null,
    member_id_pattern  varchar(255),
    constraint payer_class_ck check (payer_class in ('MEDICARE', 'MEDICAID', 'COMMERCIAL'))
);

create table facility (
    id               varchar(32)  primary key,
    name             varchar(128) not null,
    facility_type    varchar(16)  not null,
    npi              char(10)     not null,
    tax_id           char(9)      not null,
    place_of_service char(2)      not null,
    city             varchar(30),
    state            char(2),
    constraint facility_type_ck check (facility_type in ('HOSPITAL', 'CLINIC'))
);

-- Patients and encounters (protected health information: never logged) --------------------

create table patient (
    id            uuid         primary key,
    source_system varchar(64)  not null,
    mrn           varchar(64)  not null,
    family_name   varchar(60)  not null,
    given_name    varchar(35)  not null,
    birth_date    date         not null,
    sex           char(1)      not null,
    address_line  varchar(55),
    city          varchar(30),
    state         char(2),
    postal_code   varchar(9),
    constraint patient_mrn_uq unique (source_system, mrn)
);

create table encounter (
    id                   uuid         primary key,
    source_system        varchar(64)  not null,
    source_id            varchar(128) not null,
    facility_id          varchar(32)  not null,
    patient_id           uuid         not null references patient (id),
    encounter_class      varchar(16)  not null,
    service_date         date         not null,
    discharge_date       date,
    rendering_npi        char(10),
    prior_authorization  varchar(50),
    received_at          timestamp with time zone not null,
    constraint encounter_source_uq unique (source_system, source_id)
);

-- Claims ------------------------------------------------------------------------------------

create table claim (
    id                     uuid          primary key,
    patient_control_number varchar(38)   not null,
    encounter_id           uuid          not null references encounter (id),
    claim_type             varchar(16)   not null,
    frequency_code         char(1)       not null default '1',
    -- coverage at the time of service; payer_id null means self-pay
    payer_id               varchar(32),
    member_id              varchar(80),
    group_number           varchar(50),
    subscriber_relationship varchar(8),
    coverage_start         date,
    coverage_end           date,
    payer_claim_number     varchar(50),
    status                 varchar(32)   not null,
    total_charge           numeric(14,2) not null,
    submission_count       integer       not null default 0,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    closed_at              timestamp with time zone,
    constraint claim_pcn_uq unique (patient_control_number),
    constraint claim_encounter_uq unique (encounter_id),
    constraint claim_type_ck check (claim_type in ('PROFESSIONAL', 'INSTITUTIONAL')),
    constraint claim_frequency_ck check (frequency_code in ('1', '7', '8')),
    constraint claim_charge_ck check (total_charge >= 0)
);
create index claim_status_ix on claim (status);
create index claim_payer_ix on claim (payer_id);
create index claim_created_ix on claim (created_at);

create table claim_diagnosis (
    claim_id  uuid        not null references claim (id),
    sequence  integer     not null,
    code      varchar(8)  not null,
    primary key (claim_id, sequence)
);

create table claim_line (
    claim_id       uuid          not null references claim (id),
    line_number    integer       not null,
    procedure_code varchar(5),
    modifiers      varchar(11),
    revenue_code   varchar(4),
    units          numeric(9,3)  not null,
    charge         numeric(14,2) not null,
    service_date   date          not null,
    primary key (claim_id, line_number),
    constraint claim_line_code_ck check (procedure_code is not null or revenue_code is not null),
    constraint claim_line_units_ck check (units > 0),
    constraint claim_line_charge_ck check (charge >= 0)
);

-- What happened to a claim, stage by stage: the timeline GET /api/claims/{id} shows.
create table claim_event (
    id        uuid         primary key,
    claim_id  uuid         not null references claim (id),
    stage     varchar(32)  not null,
    outcome   varchar(64)  not null,
    detail    varchar(500),
    actor     varchar(64)  not null,
    at        timestamp with time zone not null
);
create index claim_event_claim_ix on claim_event (claim_id, at);

-- Every automated decision on a claim: which DMN decision, version and rule decided what.
create table claim_decision (
    id               uuid          primary key,
    claim_id         uuid          not null references claim (id),
    decision_key     varchar(64)   not null,
    decision_version integer       not null,
    rule_id          varchar(64),
    outcome          varchar(500)  not null,
    decided_at       timestamp with time zone not null
);
create index claim_decision_claim_ix on claim_decision (claim_id);

-- Payer edits that failed in charge review, and the queue that works each.
create table claim_edit (
    id          uuid          primary key,
    claim_id    uuid          not null references claim (id),
    edit_code   varchar(16)   not null,
    severity    varchar(8)    not null,
    message     varchar(500)  not null,
    queue       varchar(64),
    decision_id uuid          references claim_decision (id),
    resolved_at timestamp with time zone,
    created_at  timestamp with time zone not null
);
create index claim_edit_claim_ix on claim_edit (claim_id);

-- Remittances: the payer's decision per claim (an 835 CLP loop) ----------------------------

create table remittance_claim (
    id                     uuid          primary key,
    claim_id               uuid          references claim (id),
    patient_control_number varchar(38)   not null,
    payer_id               varchar(32)   not null,
    payer_claim_number     varchar(50)   not null,
    status_code            varchar(2)    not null,
    charge                 numeric(14,2) not null,
    paid                   numeric(14,2) not null,
    patient_responsibility numeric(14,2) not null,
    remark_codes           varchar(255),
    payment_date           date          not null,
    trace_number           varchar(50)   not null,
    source                 varchar(64)   not null,
    received_at            timestamp with time zone not null,
    correlated_at          timestamp with time zone,
    posted_at              timestamp with time zone,
    -- the same payer decision delivered twice is recorded once
    constraint remittance_claim_uq unique (payer_id, trace_number, payer_claim_number, status_code)
);
create index remittance_claim_claim_ix on remittance_claim (claim_id);
create index remittance_claim_pending_ix on remittance_claim (correlated_at);

create table remittance_adjustment (
    remittance_id uuid          not null references remittance_claim (id),
    sequence      integer       not null,
    group_code    varchar(2)    not null,
    reason_code   varchar(5)    not null,
    amount        numeric(14,2) not null,
    primary key (remittance_id, sequence)
);

-- Patient statements -------------------------------------------------------------------------

create table patient_statement (
    id          uuid          primary key,
    claim_id    uuid          not null references claim (id),
    patient_id  uuid          not null references patient (id),
    amount_due  numeric(14,2) not null,
    issued_at   timestamp with time zone not null,
    due_date    date          not null,
    channel     varchar(16)   not null,
    constraint patient_statement_claim_uq unique (claim_id)
);

-- Inbound messages: recorded before they are acted on, kept with the reason when refused -----

create table inbound_message (
    id            uuid          primary key,
    channel       varchar(32)   not null,
    source_key    varchar(200),
    received_at   timestamp with time zone not null,
    payload       text          not null,
    status        varchar(16)   not null,
    error         varchar(1000),
    constraint inbound_message_status_ck check (status in ('RECEIVED', 'PROCESSED', 'DUPLICATE', 'REJECTED'))
);
create index inbound_message_source_ix on inbound_message (channel, source_key);

-- Ledger -----------------------------------------------------------------------------------

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

-- Double-entry journal. Every entry balances (JournalEntry cannot be built otherwise, and its
-- lines are inserted in the same transaction); a line is a debit or a credit, never both.
create table journal_entry (
    id              uuid         primary key,
    entry_date      date         not null,
    posted_at       timestamp with time zone not null,
    description     varchar(255) not null,
    source_type     varchar(32)  not null,
    source_ref      varchar(128) not null,
    claim_id        uuid         references claim (id),
    posted_by       varchar(64)  not null,
    idempotency_key varchar(128) not null,
    exported_at     timestamp with time zone,
    erp_reference   varchar(64),
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
