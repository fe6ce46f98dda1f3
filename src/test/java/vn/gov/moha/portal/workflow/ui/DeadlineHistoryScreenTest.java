package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;

/**
 * Issue 17 point 4 on the assignment's page: past the deadline the request form says why not next to the date;
 * the deadline history shows the deadline given, each request, and each decision, granted or refused, with its
 * reason, who decided and when (Vietnam time), a granted change once; the decision button only for the leader in
 * charge.
 */
@PortalTest
class DeadlineHistoryScreenTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ExtensionService extensions;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> historyLines() {
        Div history = _get(Div.class, d -> d.withId("deadline-history"));
        return _find(history, Div.class, d -> d.withClasses("deadline-entry")).stream()
                .map(d -> d.getElement().getTextRecursively())
                .toList();
    }

    @Test
    void pastTheDeadlineTheFormSaysWhyNextToTheDate() {
        Assignment a = workflow.assignTask3ToLamDong();
        LocalDate yesterday = LocalDate.now().minusDays(1);
        jdbc.update("update assignment set deadline = ? where id = ?", yesterday, a.getId());
        login("lamdong.cv");
        navigate("assignments/" + a.getId());
        _click(_get(Button.class, b -> b.withText("Đề nghị gia hạn")));
        ExtensionDialog dialog = _get(ExtensionDialog.class);
        assertFieldError(
                dialog.deadline,
                "Đã quá thời hạn hoàn thành (" + Formats.date(yesterday)
                        + "), không thể đề nghị gia hạn. Đề nghị đồng chí báo cáo kết quả thực hiện.");
        assertThat(_get(dialog, Button.class, b -> b.withText("Đề nghị gia hạn"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    void bothDecisionsStayInTheDeadlineHistoryWithReasonWhoAndWhen() {
        Assignment a = workflow.assignTask3ToLamDong();
        LocalDate deadline = a.getDeadline();
        login("lamdong.cv");
        ExtensionRequest first = extensions.request(a.getId(), deadline.plusDays(15), "Chờ số liệu từ các xã");
        logout();

        // the task's leader in charge (lanhdao) has the decision button; another leader does not
        login("lanhdao2");
        navigate("assignments/" + a.getId());
        assertThat(_find(Button.class, b -> b.withClasses("extension-decide"))).isEmpty();
        assertThat(historyLines()).anyMatch(l -> l.contains("Chờ lãnh đạo phụ trách quyết định: "));
        logout();
        login("lanhdao");
        navigate("assignments/" + a.getId());
        _click(_get(Button.class, b -> b.withClasses("extension-decide")));
        ExtensionDecisionDialog decision = _get(ExtensionDecisionDialog.class);
        _click(_get(decision, Button.class, b -> b.withText("Không đồng ý")));
        assertFieldError(decision.comment, "Vui lòng nhập thông tin này");
        decision.comment.setValue("Đề nghị hoàn thành đúng thời hạn đã giao");
        _click(_get(decision, Button.class, b -> b.withText("Không đồng ý")));
        logout();

        login("lamdong.cv");
        ExtensionRequest second = extensions.request(a.getId(), deadline.plusDays(30), "Chờ hướng dẫn của Bộ");
        logout();
        login("lanhdao");
        extensions.decide(second.getId(), second.getVersion(), true, "Đồng ý, không gia hạn thêm");
        logout();

        login("lamdong.cv");
        navigate("assignments/" + a.getId());
        String when = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}";
        String d0 = Formats.date(deadline);
        String d30 = Formats.date(deadline.plusDays(30));
        assertThat(historyLines())
                .as("oldest first")
                .satisfiesExactly(
                        l -> assertThat(l).matches(when + "Giao nhiệm vụ, thời hạn hoàn thành " + d0 + "— .+"),
                        l -> assertThat(l)
                                .matches(when + "Đơn vị chủ trì đề nghị gia hạn " + d0 + " → "
                                        + Formats.date(deadline.plusDays(15))
                                        + "\\. Lý do: Chờ số liệu từ các xã— .+"),
                        l -> assertThat(l)
                                .matches(when + "Không đồng ý gia hạn, giữ thời hạn " + d0
                                        + "\\. Lý do: Đề nghị hoàn thành đúng thời hạn đã giao— .+"),
                        l -> assertThat(l)
                                .matches(when + "Đơn vị chủ trì đề nghị gia hạn " + d0 + " → " + d30
                                        + "\\. Lý do: Chờ hướng dẫn của Bộ— .+"),
                        l -> assertThat(l)
                                .matches(when + "Đồng ý gia hạn, thời hạn mới " + d30
                                        + "\\. Ý kiến: Đồng ý, không gia hạn thêm— .+"));
        String leader = jdbc.queryForObject("select full_name from app_user where username = 'lanhdao'", String.class);
        assertThat(historyLines().get(2)).endsWith("— " + leader);
        assertThat(historyLines().get(4)).endsWith("— " + leader);
        assertThat(first.getId()).isNotEqualTo(second.getId());
    }
}
