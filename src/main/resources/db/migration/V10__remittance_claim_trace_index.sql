-- Posting asks, per chunk of a file, which decisions of the same check (TRN02) were taken from other
-- files; one check can carry thousands of claims, so the lookup by trace number needs its own index.
create index remittance_claim_trace_ix on remittance_claim (trace_number);
