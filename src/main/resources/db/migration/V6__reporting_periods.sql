-- The reporting period (Decree 09/2019/NĐ-CP) a progress report of an ongoing assignment is for:
-- a key that names it whatever the configured days (2024-M03, 2024-Q1, 2024-H2, 2024-Y) and the
-- data window it had when written. Reports of dated assignments have none.
alter table progress_report add column period_key varchar(10);
alter table progress_report add column period_start date;
alter table progress_report add column period_end date;
alter table progress_report add constraint ck_report_period check (
    (period_key is null and period_start is null and period_end is null)
    or (period_key is not null and period_start is not null and period_end is not null
        and period_start <= period_end));

-- When a report was first sent: on time or late is judged from it, not from a resubmission after a
-- return (submitted_at is the latest submission). Existing reports: their latest is all we know.
alter table progress_report add column first_submitted_at timestamp;
update progress_report set first_submitted_at = submitted_at;

create index ix_report_period on progress_report (assignment_id, period_key);
