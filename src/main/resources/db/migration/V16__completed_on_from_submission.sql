-- Issue 17, point 3: an assignment is completed on the day its unit SUBMITTED the report the approval chain
-- accepted (the round finally approved), not on the day of the last approval. submitted_at is the latest
-- submission of a report, so for an accepted report it is the accepted round's; times are stored as Vietnam's
-- wall-clock time (hibernate.jdbc.time_zone), so its date is Vietnam's date. Only one accepted report of an
-- assignment can be at 100 % (nothing is reported once it is complete); max() only makes that certain.
-- Rows written straight to the tables without such a report (e.g. the demo's records of merged provinces)
-- keep their date.
update assignment set completed_on = (
        select cast(max(r.submitted_at) as date) from progress_report r
        where r.assignment_id = assignment.id and r.status = 'APPROVED' and r.percent_complete = 100
          and r.submitted_at is not null)
    where completed_on is not null
      and exists (select 1 from progress_report r
                  where r.assignment_id = assignment.id and r.status = 'APPROVED' and r.percent_complete = 100
                    and r.submitted_at is not null);

-- Issue 17, point 4: the deadline history shows every extension decision, granted or refused, once. A granted
-- request also moved the deadline (a deadline_change row): that row now says which request it came from, so
-- the history shows the decision instead of the same change twice. Existing rows: the change the decision
-- wrote has the request's old and new deadline, its decider, and its assignment.
alter table deadline_change add column extension_request_id bigint references extension_request (id) on delete cascade;
update deadline_change set extension_request_id = (
        select min(e.id) from extension_request e
        where e.assignment_id = deadline_change.assignment_id and e.status = 'APPROVED'
          and e.current_deadline = deadline_change.old_deadline and e.requested_deadline = deadline_change.new_deadline
          and e.decided_by = deadline_change.changed_by)
    where old_deadline is not null;

-- Issue 17, point 4: an extension request waiting for its leader is a notification of its own kind.
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in ('ASSIGNED', 'REPORT_WAITING',
    'REPORT_DECIDED', 'EXTENSION_WAITING', 'EXTENSION_DECIDED', 'DEADLINE_SOON', 'OVERDUE', 'REPORT_DUE'));
