-- Accounts of people who sign in with the ministry's directory (LDAP / Active Directory, portal.ldap.*): the
-- directory checks their password and gives their role and unit at each sign-in; they have no local password.
alter table app_user add column directory boolean default false not null;
