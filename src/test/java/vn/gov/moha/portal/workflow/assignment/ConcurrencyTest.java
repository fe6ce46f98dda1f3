package vn.gov.moha.portal.workflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/** Two people acting at the same moment: exactly one transition happens and nothing is overwritten. */
@PortalTest
class ConcurrencyTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService userDetailsService;

    @Autowired
    ApprovalService approvals;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Runs the call as the user on the current (worker) thread. */
    private <T> T as(String username, Supplier<T> call) {
        PortalUser user = (PortalUser) userDetailsService.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean succeeds(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void twoApprovalsOfTheSameStepMakeExactlyOneTransitionEachRound() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 10);
        int rounds = 100;
        for (int round = 1; round <= rounds; round++) {
            ProgressReport waiting =
                    as("lamdong.truong", () -> reports.find(r.getId()).orElseThrow());
            assertThat(waiting.getCurrentStep()).isEqualTo(1);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> approve = () -> {
                start.await();
                return as(
                        "lamdong.truong",
                        () -> succeeds(() -> approvals.approve(waiting.getId(), waiting.getVersion(), null)));
            };
            Future<Boolean> first = pool.submit(approve);
            Future<Boolean> second = pool.submit(approve);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).as("round %d", round).containsExactlyInAnyOrder(true, false);
            assertThat(jdbc.queryForObject(
                            "select count(*) from approval_decision where report_id = ? and round = ? "
                                    + "and step_order = 1",
                            Integer.class,
                            r.getId(),
                            waiting.getRound()))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from event_log where action = 'REPORT_APPROVE_STEP'", Integer.class))
                    .isEqualTo(round);

            as("quanly", () -> {
                ProgressReport atManager = reports.find(r.getId()).orElseThrow();
                return approvals.returnReport(atManager.getId(), atManager.getVersion(), "Vòng " + waiting.getRound());
            });
            as("lamdong.cv", () -> {
                ProgressReport returned = reports.find(r.getId()).orElseThrow();
                return reports.submit(returned.getId(), returned.getVersion());
            });
        }
        System.out.printf(
                "concurrent approvals: %d rounds, %d decisions at step 1, %d step approvals logged%n",
                rounds,
                jdbc.queryForObject("select count(*) from approval_decision where step_order = 1", Integer.class),
                jdbc.queryForObject(
                        "select count(*) from event_log where action = 'REPORT_APPROVE_STEP'", Integer.class));
    }

    @Test
    void aThousandStaleSavesOverwriteNothing() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport draft = as(
                "lamdong.cv",
                () -> reports.save(new ReportDraft(null, a.getId(), 0, 10, Confidence.ON_TRACK, "Bản gốc", Map.of())));
        long version = draft.getVersion();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> saves = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String text = "Bản " + i;
            saves.add(pool.submit(() -> {
                start.await();
                return as(
                        "lamdong.cv",
                        () -> succeeds(() -> reports.save(new ReportDraft(
                                draft.getId(), a.getId(), version, 20, Confidence.AT_RISK, text, Map.of()))));
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> f : saves) {
            succeeded += f.get() ? 1 : 0;
        }
        ProgressReport stored =
                as("lamdong.cv", () -> reports.find(draft.getId()).orElseThrow());
        System.out.printf(
                "stale saves: 1000 tried with version %d, %d succeeded, stored version %d%n",
                version, succeeded, stored.getVersion());
        assertThat(succeeded).isEqualTo(1);
        assertThat(stored.getVersion()).isEqualTo(version + 1);
        assertThat(jdbc.queryForObject("select count(*) from event_log where action = 'REPORT_SAVE'", Integer.class))
                .isEqualTo(2);
    }
}
