-- ShedLock's lock rows (NotificationConfig): a scheduled job (deadline scan, e-mail outbox) takes its row
-- before it runs, so with several portal nodes on one database it runs on one node at a time.
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
