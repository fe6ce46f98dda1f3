-- "Việc cần xử lý" for a unit officer (70 % of the users) counts the unit's returned reports at every navigation,
-- for the badge in the menu: without this index the database read every report of the unit (22,208 for one
-- province at 1,077,812 reports) to find the few returned ones. docs/benchmarks.md, "What is left".
create index ix_report_unit_status on progress_report (unit_id, status);
