package vn.gov.moha.portal.layout;

/**
 * How many items wait for the logged-in user, shown next to the menu's "Việc cần xử lý" (my-work) entry and
 * recounted at each navigation; provided by the workflow, so that the frame depends on no feature.
 */
public interface WorkCount {

    int count();
}
