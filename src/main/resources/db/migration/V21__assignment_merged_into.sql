-- Issue 18: when an ended unit's open assignment is transferred to a successor that already has the same task,
-- the two become one, the successor's. The ended unit's row stays (its event-log entries and the 2024 name keep
-- pointing at it) and names the assignment it was merged into; every list, count and figure leaves such a row out,
-- so merged work counts once. No foreign key: the test database cleaner empties the table in one statement, and
-- the transfer service is the only writer. Plain SQL that H2 and PostgreSQL both run.
alter table assignment add column merged_into_id bigint;
create index ix_assignment_merged_into on assignment (merged_into_id);
