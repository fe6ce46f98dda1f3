-- A new kind of notification: a periodic report of the lead unit is due soon, or its due date passed
-- with nothing sent (ReportReminders). The check constraint of V7 is replaced by one that allows it;
-- drop and add constraint run alike on H2 and PostgreSQL.
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in ('ASSIGNED', 'REPORT_WAITING',
    'REPORT_DECIDED', 'EXTENSION_DECIDED', 'DEADLINE_SOON', 'OVERDUE', 'REPORT_DUE'));

-- The deadline scan first reads which of today's event keys are already notified (to anyone), so a scan
-- that finds nothing new writes nothing; the unique key (recipient_id, event_key) cannot serve that.
create index ix_notification_event on notification (event_key);
