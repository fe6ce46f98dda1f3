-- A priority task's deadline or period as the ministry's list words it ("31/12/2026", "Quý II/2026",
-- "Thường xuyên"): text, as imported from the list of a programme year (issue 18, point 4).
alter table priority_task add column deadline_text varchar(100);
