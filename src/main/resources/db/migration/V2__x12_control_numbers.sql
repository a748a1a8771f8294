-- X12 control numbers (ISA13, GS06, ST02): unique across restarts, or a clearinghouse drops a
-- resent interchange as a duplicate. Nine digits at most; they wrap rather than overflow.
CREATE SEQUENCE x12_interchange_control_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999 CYCLE;
CREATE SEQUENCE x12_group_control_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999 CYCLE;
CREATE SEQUENCE x12_transaction_control_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999 CYCLE;
