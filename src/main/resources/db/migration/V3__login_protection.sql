-- Failed logins per username, kept in the database so every portal node sees the same count.
create table login_failure (
    username        varchar(50) not null primary key,
    failures        integer     not null,
    last_failure_at timestamp   not null,
    locked_until    timestamp
);
