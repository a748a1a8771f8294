-- Real-time claim status (276/277 through the clearinghouse): every question sent and the answer
-- that came back, kept with the claim like the eligibility checks (V9). Runs on H2 and PostgreSQL.
create table claim_status_check (
    id            uuid         primary key,
    claim_id      uuid         not null references claim (id),
    payer_id      varchar(32)  not null,
    trace_number  varchar(50)  not null,
    payload_id    varchar(64)  not null,
    category      varchar(4),
    summary       varchar(1000),
    request_276   text         not null,
    response_277  text,
    error_code    varchar(64),
    checked_at    timestamp with time zone not null
);
create index claim_status_check_claim_ix on claim_status_check (claim_id, checked_at);
