-- EHR intake over FHIR R4 and HL7v2, the registration check's real-time eligibility (270/271),
-- and master data with an audit of changes. Runs on H2 and PostgreSQL alike.

-- Intake ----------------------------------------------------------------------------------

-- An EHR may send a patient without a name, birth date or sex: the encounter is taken in all the
-- same and the registration check turns the gap into a task, instead of losing the encounter.
alter table patient alter column family_name drop not null;
alter table patient alter column given_name drop not null;
alter table patient alter column birth_date drop not null;
alter table patient alter column sex drop not null;

-- The subscriber when the patient is not the subscriber (spouse, child): the 837 and the 270 need them.
alter table encounter add column subscriber_family_name varchar(60);
alter table encounter add column subscriber_given_name varchar(35);
alter table encounter add column subscriber_birth_date date;
alter table encounter add column subscriber_sex char(1);

-- What the EHR adapter found missing or contradictory while mapping an encounter (FHIR, HL7v2):
-- the registration check lists these with its own problems.
create table encounter_finding (
    encounter_id uuid         not null references encounter (id),
    sequence     integer      not null,
    field        varchar(64)  not null,
    message      varchar(500) not null,
    primary key (encounter_id, sequence)
);

-- Where polling the EHR left off (FHIR _lastUpdated), so a restart neither misses nor replays much.
create table ehr_cursor (
    source_system varchar(64)  primary key,
    last_updated  timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

-- HL7v2: a discharge (ADT^A03) waiting for the visit's charges (DFT^P03).
create table hl7_discharge (
    visit_key          varchar(200) primary key,
    inbound_message_id uuid         not null references inbound_message (id),
    received_at        timestamp with time zone not null
);

-- Eligibility -----------------------------------------------------------------------------

-- Every 270 sent and the 271 that answered it, with what revcycle made of it.
create table eligibility_check (
    id            uuid         primary key,
    claim_id      uuid         not null references claim (id),
    payer_id      varchar(32)  not null,
    trace_number  varchar(50)  not null,
    outcome       varchar(16)  not null,
    summary       varchar(1000),
    request_270   text         not null,
    response_271  text,
    checked_at    timestamp with time zone not null,
    constraint eligibility_outcome_ck check (outcome in ('ACTIVE', 'INACTIVE', 'REJECTED', 'UNREADABLE'))
);
create index eligibility_check_claim_ix on eligibility_check (claim_id, checked_at);

-- Master data -----------------------------------------------------------------------------

alter table payer add column claim_types varchar(16) default 'BOTH' not null;
alter table payer add column edi_payer_id varchar(80);
alter table payer add column connectivity varchar(16) default 'CLEARINGHOUSE' not null;
alter table payer add column real_time_eligibility boolean default true not null;
alter table payer add column active boolean default true not null;
alter table payer add constraint payer_claim_types_ck check (claim_types in ('PROFESSIONAL', 'INSTITUTIONAL', 'BOTH'));
alter table payer add constraint payer_connectivity_ck check (connectivity in ('CLEARINGHOUSE', 'DIRECT', 'PAPER'));

alter table facility add column active boolean default true not null;

create table provider (
    npi           char(10)     primary key,
    name          varchar(128) not null,
    taxonomy_code varchar(10),
    -- routes edits by the rendering provider's specialty (decisions/work-queue-routing.dmn, edit-queue)
    specialty     varchar(64),
    facility_id   varchar(32)  references facility (id),
    active        boolean      default true not null
);

-- Who changed which master data record, when, from what to what (JSON of the record).
create table master_data_change (
    id          uuid         primary key,
    entity      varchar(16)  not null,
    entity_id   varchar(32)  not null,
    action      varchar(8)   not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamp with time zone not null,
    before_json text,
    after_json  text,
    constraint master_data_change_action_ck check (action in ('CREATE', 'UPDATE'))
);
create index master_data_change_entity_ix on master_data_change (entity, entity_id, changed_at);

-- HL7v2 messages taken in, by sender and MSH-10: the same message again is acknowledged and ignored.
create table hl7_message (
    message_key        varchar(250) primary key,
    inbound_message_id uuid         not null references inbound_message (id),
    message_type       varchar(16)  not null,
    received_at        timestamp with time zone not null
);
