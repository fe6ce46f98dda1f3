-- The ten 2024 tasks and their lead units were derived by the portal's team from the ministry's review article of
-- 21/12/2023, not copied from an official list: their lead units are marked as proposed (issue 17, point 7).
alter table priority_task add column lead_unit_proposed boolean default false not null;
update priority_task set lead_unit_proposed = true where programme_year = 2024;
