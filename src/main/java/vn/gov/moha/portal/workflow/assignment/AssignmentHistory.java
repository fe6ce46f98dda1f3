package vn.gov.moha.portal.workflow.assignment;

import java.util.List;
import java.util.Map;
import vn.gov.moha.portal.audit.EventLogEntry;

/**
 * An assignment's history as its "Lịch sử" tab shows it: what was done to it, oldest first, and the full names of
 * the people it names (the log keeps their usernames).
 */
public record AssignmentHistory(List<EventLogEntry> entries, Map<String, String> names) {

    /** The person's full name, or the username itself when no account has it (e.g. "system"). */
    public String name(String username) {
        return names.getOrDefault(username, username);
    }
}
