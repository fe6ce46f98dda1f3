-- Failed logins per username, kept in the database so every portal node sees the same count.
create table login_failure (
    username        varchar(50) not null primary key,
    failures        integer     not null,
    last_failure_at timestamp   not null,
    locked_until    timestamp
);

-- Failed logins per client address, to slow down password spraying across many accounts.
create table login_source_failure (
    address       varchar(64) not null primary key,
    failures      integer     not null,
    window_start  timestamp   not null,
    blocked_until timestamp
);
