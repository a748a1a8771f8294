-- Posting by service line (835 SVC), claims paid across several 835 files, and a receivable per
-- payer in coordination of benefits (primary, secondary, tertiary).
-- Runs on H2 and PostgreSQL alike: keep to the common subset of SQL.

-- Every journal line can name the claim line it is about (the charge of that line, or an SVC's
-- payment, CAS and patient share), the SVC it came from, and the payer whose receivable it moves:
-- the payer-class account (1111/1112/1113) says which kind of payer, this says which one.
alter table journal_line add column claim_line_number integer;
alter table journal_line add column service_ref varchar(64);
alter table journal_line add column payer_id varchar(32);
create index journal_line_payer_ix on journal_line (payer_id);

-- The SVC loops of a payer decision, each with the claim line it was allocated to (null: no claim
-- line fits, and the SVC posts at claim level). Its CAS rows are remittance_adjustment rows with
-- line_number = line_sequence.
create table remittance_service_line (
    remittance_id       uuid          not null references remittance_claim (id),
    line_sequence       integer       not null,
    claim_line_number   integer,
    line_control_number varchar(50),
    procedure_code      varchar(48),
    charge              numeric(14,2) not null,
    paid                numeric(14,2) not null,
    primary key (remittance_id, line_sequence)
);

-- The payers after the claim's own (claim.payer_id is the primary): who takes over what the
-- primary leaves to the patient. rank 2 secondary, 3 tertiary.
create table claim_coverage (
    claim_id   uuid         not null references claim (id),
    payer_rank integer      not null,
    payer_id   varchar(32)  not null references payer (id),
    member_id  varchar(80),
    changed_by varchar(64)  not null,
    changed_at timestamp with time zone not null,
    primary key (claim_id, payer_rank),
    constraint claim_coverage_rank_ck check (payer_rank in (2, 3))
);
