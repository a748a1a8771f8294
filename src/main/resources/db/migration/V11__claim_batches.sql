-- Claims go to the clearinghouse in batches: one 837 interchange per payer and claim type, uploaded
-- over SFTP. The file is kept as sent, with its control numbers, so that a retry after a failed
-- upload sends the same bytes and the 999 that answers it can be matched by GS06 and ST02.

create table claim_batch (
    id                         uuid          primary key,
    payer_id                   varchar(32)   not null,
    claim_type                 varchar(16)   not null,
    file_name                  varchar(100)  not null,
    interchange_control_number varchar(9)    not null,
    group_control_number       varchar(9)    not null,
    content                    text          not null,
    sha256                     char(64)      not null,
    claim_count                integer       not null,
    status                     varchar(16)   not null,
    created_at                 timestamp with time zone not null,
    uploaded_at                timestamp with time zone,
    constraint claim_batch_file_uq unique (file_name),
    constraint claim_batch_status_ck check (status in ('READY', 'UPLOADED', 'ACKNOWLEDGED'))
);
create index claim_batch_group_ix on claim_batch (group_control_number);

-- One submission of one claim: queued for the next batch of its payer, then in a batch (with the
-- ST02 of its set), then answered by the 999 and the 277CA.
create table claim_batch_item (
    id                          uuid          primary key,
    claim_id                    uuid          not null references claim (id),
    patient_control_number      varchar(38)   not null,
    payer_id                    varchar(32)   not null,
    claim_type                  varchar(16)   not null,
    frequency_code              char(1)       not null,
    queued_at                   timestamp with time zone not null,
    batch_id                    uuid          references claim_batch (id),
    transaction_control_number  varchar(9),
    functional_status           varchar(16),
    functional_at               timestamp with time zone,
    claim_status_category       varchar(3),
    claim_status_at             timestamp with time zone,
    payer_claim_number          varchar(50)
);
create index claim_batch_item_queue_ix on claim_batch_item (batch_id, payer_id);
create index claim_batch_item_claim_ix on claim_batch_item (claim_id);
create index claim_batch_item_pcn_ix on claim_batch_item (patient_control_number);
