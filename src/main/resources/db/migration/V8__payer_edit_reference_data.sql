-- Payer edit reference data (issue 7): the large tables the edit engine checks claims against are
-- data, loaded from files (CMS NCCI PTP, MUE and add-on code files, and our own edit tables), not
-- DMN rows. Each row keeps the file line it came from; each load keeps the file and its hash, so an
-- edit names the table, row and version that produced it. A load replaces a table whole, in one
-- transaction. Runs on H2 and PostgreSQL alike.

create table reference_data_load (
    id          uuid          primary key,
    table_name  varchar(32)   not null,
    file_name   varchar(255)  not null,
    version     varchar(255)  not null,
    sha256      char(64)      not null,
    row_count   integer       not null,
    loaded_at   timestamp with time zone not null
);
create index reference_data_load_table_ix on reference_data_load (table_name);

-- NCCI procedure-to-procedure edits: column 2 is not paid with column 1 on the same day unless
-- the modifier indicator is 1 and an NCCI-associated modifier is present (0 never; 9 not applicable).
create table ncci_ptp_edit (
    load_id            uuid         not null references reference_data_load (id),
    source_line        bigint       not null,
    setting            varchar(16)  not null,
    column1_code       varchar(5)   not null,
    column2_code       varchar(5)   not null,
    before_1996        boolean      not null,
    effective_date     date         not null,
    deletion_date      date,
    modifier_indicator char(1)      not null,
    rationale          varchar(255),
    primary key (load_id, source_line),
    constraint ncci_ptp_setting_ck check (setting in ('PRACTITIONER', 'HOSPITAL')),
    constraint ncci_ptp_modifier_ck check (modifier_indicator in ('0', '1', '9'))
);
create index ncci_ptp_codes_ix on ncci_ptp_edit (column1_code, column2_code);

-- Medically unlikely edits: the most units of a code per day (per line for indicator 1).
create table mue_edit (
    load_id                 uuid         not null references reference_data_load (id),
    source_line             bigint       not null,
    setting                 varchar(24)  not null,
    code                    varchar(5)   not null,
    max_units               integer      not null,
    adjudication_indicator  integer      not null,
    adjudication_text       varchar(64)  not null,
    rationale               varchar(255),
    primary key (load_id, source_line),
    constraint mue_setting_ck check (setting in ('PRACTITIONER', 'OUTPATIENT_HOSPITAL', 'DME'))
);
create index mue_code_ix on mue_edit (code);

-- Add-on codes and their primary codes (primary_code null: type 2, no listed primary).
create table add_on_code_edit (
    load_id                 uuid         not null references reference_data_load (id),
    source_line             bigint       not null,
    add_on_code             varchar(5)   not null,
    add_on_deletion_date    date,
    primary_code            varchar(5),
    primary_deletion_date   date,
    edit_type               integer      not null,
    effective_date          date         not null,
    deletion_date           date,
    notes                   varchar(500),
    primary key (load_id, source_line),
    constraint add_on_type_ck check (edit_type in (1, 2, 3))
);
create index add_on_code_ix on add_on_code_edit (add_on_code);

-- Modifiers a code needs (any one of them), per payer class and claim type (null: all).
create table modifier_requirement (
    load_id         uuid          not null references reference_data_load (id),
    source_line     bigint        not null,
    code            varchar(5)    not null,
    payer_class     varchar(16),
    claim_type      varchar(16),
    required_any_of varchar(64)   not null,
    reason          varchar(500)  not null,
    fix             varchar(500)  not null,
    primary key (load_id, source_line)
);

-- Diagnoses (ICD-10-CM codes or categories, no dot) that support a procedure under a policy.
create table diagnosis_support (
    load_id          uuid          not null references reference_data_load (id),
    source_line      bigint        not null,
    procedure_code   varchar(5)    not null,
    diagnosis_prefix varchar(8)    not null,
    policy           varchar(255)  not null,
    primary key (load_id, source_line)
);

-- Prior authorization required, per payer and procedure (HCPCS) or revenue code.
create table prior_authorization_rule (
    load_id         uuid          not null references reference_data_load (id),
    source_line     bigint        not null,
    payer_id        varchar(32)   not null,
    code_type       varchar(8)    not null,
    code            varchar(5)    not null,
    effective_date  date          not null,
    end_date        date,
    note            varchar(255),
    primary key (load_id, source_line),
    constraint prior_auth_code_type_ck check (code_type in ('HCPCS', 'REVENUE'))
);

-- Codes for one sex or an age range (HCPCS exact; ICD-10-CM code or category, no dot).
create table age_sex_edit (
    load_id      uuid          not null references reference_data_load (id),
    source_line  bigint        not null,
    code_system  varchar(8)    not null,
    code         varchar(8)    not null,
    sex          char(1),
    min_age      integer,
    max_age      integer,
    description  varchar(255)  not null,
    primary key (load_id, source_line),
    constraint age_sex_system_ck check (code_system in ('HCPCS', 'ICD10'))
);

-- Providers of the network, so an edit can be routed by the rendering provider's specialty (the
-- provider master data itself is created with the other master data in V9; V9 adds specialty).

-- Edit results: what to do about it, which line, and what produced it. A DMN edit points to its
-- claim_decision (decision key, version, rule); a reference-data edit also names table, row, version.
alter table claim_edit alter column edit_code set data type varchar(24);
alter table claim_edit add column exception_type varchar(32);
alter table claim_edit add column suggested_fix varchar(500);
alter table claim_edit add column line_number integer;
alter table claim_edit add column edit_family varchar(32);
alter table claim_edit add column reference_table varchar(32);
alter table claim_edit add column reference_row bigint;
alter table claim_edit add column reference_version varchar(255);
alter table claim_edit add column route_decision_id uuid references claim_decision (id);
alter table claim_edit add column priority integer;
