package vn.gov.moha.portal.workflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.DatabaseCleaner;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.workflow.WorkflowFixture;

/** The event log's hash chain: intact after real work, and a changed or deleted row is named. */
@PortalTest
class EventLogChainTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    DatabaseCleaner cleaner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventLog eventLog;

    @Test
    void aChangedEntryIsNamedByVerify() {
        Assignment a = workflow.assignTask3ToLamDong();
        workflow.submitReport(a, 20);
        login("admin");
        assertThat(eventLog.firstBrokenEntry()).isEmpty();

        Long third = jdbc.queryForObject(
                "select id from event_log order by id offset 2 rows fetch first 1 rows only", Long.class);
        jdbc.update("update event_log set after_value = 'percent=99' where id = ?", third);
        assertThat(eventLog.firstBrokenEntry()).contains(third);
    }

    @Test
    void aDeletedEntryIsNamedByVerify() {
        Assignment a = workflow.assignTask3ToLamDong();
        workflow.submitReport(a, 20);
        login("admin");
        Long second = jdbc.queryForObject(
                "select id from event_log order by id offset 1 rows fetch first 1 rows only", Long.class);
        jdbc.update("delete from event_log where id = ?", second);
        assertThat(eventLog.firstBrokenEntry()).contains(second + 1);

        Long last = jdbc.queryForObject("select max(id) from event_log", Long.class);
        cleaner.clean();
        workflow.assignTask3ToLamDong();
        login("admin");
        Long newest = jdbc.queryForObject("select max(id) from event_log", Long.class);
        jdbc.update("delete from event_log where id = ?", newest);
        assertThat(eventLog.firstBrokenEntry()).contains(newest);
        assertThat(last).isLessThan(newest);
    }
}
