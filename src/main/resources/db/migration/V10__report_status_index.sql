-- "My work" asks for the reports waiting at a step (status SUBMITTED, current_step n): a few among a million
-- reports once the portal has years of weekly reports (docs/benchmarks.md); without this index each call
-- reads every report.
create index ix_report_status_step on progress_report (status, current_step);
