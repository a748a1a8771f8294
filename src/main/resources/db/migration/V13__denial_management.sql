-- Denial management (processes/denial-management.bpmn): one row per denied claim, what classified it,
-- what it is worth, how it was worked and what came back. Runs on H2 and PostgreSQL alike.

create table denial (
    id                     uuid          primary key,
    claim_id               uuid          not null references claim (id),
    remittance_id          uuid          references remittance_claim (id),
    patient_control_number varchar(38)   not null,
    payer_id               varchar(32),
    facility_id            varchar(32)   not null,
    group_code             varchar(2),
    reason_codes           varchar(100),
    remark_codes           varchar(255),
    -- free text the payer sent with the denial (a letter, a portal note): no patient data is kept here
    remark_text            varchar(2000),
    denied_amount          numeric(14,2) not null,
    denied_on              date          not null,
    root_cause             varchar(32),
    -- TABLE (decisions/denial-root-cause.dmn), MODEL (the classifier) or ANALYST (triage)
    classified_by          varchar(16),
    confidence             numeric(5,4),
    team                   varchar(64),
    suggested_action       varchar(500),
    recovery_probability   numeric(5,4),
    expected_recovery      numeric(14,2),
    appeal_deadline        date,
    outcome                varchar(16),
    recovered_amount       numeric(14,2),
    resolved_by            varchar(64),
    resolved_at            timestamp with time zone,
    created_at             timestamp with time zone not null,
    constraint denial_root_cause_ck check (root_cause is null or root_cause in ('REGISTRATION_ELIGIBILITY',
        'AUTHORIZATION', 'CODING', 'MEDICAL_NECESSITY', 'TIMELY_FILING', 'DUPLICATE', 'COORDINATION_OF_BENEFITS',
        'MISSING_INFORMATION', 'NON_COVERED')),
    constraint denial_outcome_ck check (outcome is null or outcome in ('RESUBMITTED', 'APPEAL_WON', 'APPEAL_LOST',
        'WRITTEN_OFF')),
    constraint denial_amount_ck check (denied_amount >= 0)
);
create index denial_claim_ix on denial (claim_id);
create index denial_denied_on_ix on denial (denied_on);

-- Every prediction of a model: its input, the model's version, the answer, its confidence and the
-- features that weighed most, so a person can see why and a later model can be compared.
create table denial_prediction (
    id             uuid          primary key,
    denial_id      uuid          references denial (id),
    model          varchar(32)   not null,
    model_version  varchar(64)   not null,
    input          varchar(2000) not null,
    prediction     varchar(32)   not null,
    confidence     numeric(5,4)  not null,
    top_features   varchar(1000) not null,
    predicted_at   timestamp with time zone not null
);
create index denial_prediction_denial_ix on denial_prediction (denial_id);

-- Root causes confirmed or corrected by an analyst: labelled examples the classifier trains on next start.
create table denial_labelled_example (
    id           uuid          primary key,
    denial_id    uuid          references denial (id),
    input        varchar(2000) not null,
    root_cause   varchar(32)   not null,
    predicted    varchar(32),
    labelled_by  varchar(64)   not null,
    labelled_at  timestamp with time zone not null
);

-- Appeal letters generated from the claim and the denial, kept as sent.
create table appeal_letter (
    id           uuid          primary key,
    denial_id    uuid          not null references denial (id),
    body         text          not null,
    deadline     date          not null,
    created_at   timestamp with time zone not null
);
create index appeal_letter_denial_ix on appeal_letter (denial_id);

-- Letters from payers, as uploaded (text or PDF), with what was read from them.
create table payer_correspondence (
    id                     uuid          primary key,
    denial_id              uuid          references denial (id),
    file_name              varchar(255),
    content_type           varchar(100)  not null,
    content                bytea         not null,
    extracted_text         text          not null,
    payer_claim_number     varchar(50),
    patient_control_number varchar(38),
    reason_codes           varchar(100),
    deadline               date,
    matched                boolean       not null,
    uploaded_by            varchar(64)   not null,
    received_at            timestamp with time zone not null
);
