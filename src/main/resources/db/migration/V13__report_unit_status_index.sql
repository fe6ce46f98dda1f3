-- "Việc cần xử lý" for a unit officer (70 % of the users) is counted at every navigation, for the badge in the
-- menu (docs/benchmarks.md, "What is left"). At 1,077,812 reports, for one province:
-- the unit's returned reports: without the first index the database read every report of the unit (22,208) to
-- find the few returned ones; with it, a lookup;
-- the open assignments without a report still open: the second lets the check per assignment read the index
-- alone instead of each report row (22,897 rows read on H2 before, 2,318 after).
create index ix_report_unit_status on progress_report (unit_id, status);
create index ix_report_assignment_status on progress_report (assignment_id, status);
