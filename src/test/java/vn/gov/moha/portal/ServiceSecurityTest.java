package vn.gov.moha.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.InvalidInputException.Problem;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskDraft;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.unit.UnitDraft;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.UserDraft;
import vn.gov.moha.portal.user.UserService;

/** The services check roles and rules themselves, whatever screen (or script) calls them. */
@PortalTest
class ServiceSecurityTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    UnitService units;

    @Autowired
    TaskService tasks;

    @ParameterizedTest
    @ValueSource(strings = {"lamdong.cv", "lamdong.truong", "quanly", "lanhdao"})
    void onlyAdminChangesUsersUnitsAndTasks(String username) {
        login(username);
        PriorityTask task = tasks.tasksOf(2024, "").get(0);

        assertThatThrownBy(() -> users.save(new UserDraft(
                        null,
                        "mallory",
                        "Mallory",
                        "mallory@example.vn",
                        null,
                        Set.of(Role.ADMIN),
                        true,
                        "Mallory@2024")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.search("", 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setEnabled(1L, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.save(new UnitDraft(
                        null, "SNV-99", "Sở Nội vụ giả", null, UnitKind.PROVINCE, null, null, LocalDate.now(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tasks.save(new TaskDraft(
                        task.getId(),
                        task.getYear(),
                        task.getNumber(),
                        "Đã bị sửa",
                        "Changed",
                        null,
                        task.getLeadUnit().getId(),
                        null)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(tasks.find(task.getId()).orElseThrow().getTitleVi()).isEqualTo(task.getTitleVi());
        assertThat(units.search("SNV-99", null)).isEmpty();
    }

    @Test
    void anonymousCallerIsRefused() {
        assertThatThrownBy(() -> users.search("", 0, 50)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> tasks.tasksOf(2024, "")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void adminGetsEveryBrokenRuleWithItsField() {
        login("admin");
        UserDraft taken = new UserDraft(null, "lamdong.cv", " ", "abc", null, Set.of(Role.UNIT_OFFICER), true, "short");

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> users.save(taken))
                .satisfies(e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("username", "user.error.usernameTaken"),
                                tuple("password", "user.error.passwordShort"),
                                tuple("fullName", "error.required"),
                                tuple("email", "error.email"),
                                tuple("unit", "user.error.unitRequired")));

        UserDraft malformed =
                new UserDraft(null, "Nguyễn Văn A", "Nguyễn Văn A", "a@example.vn", null, Set.of(), true, "Password@1");
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> users.save(malformed))
                .satisfies(e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("username", "user.error.usernameFormat"),
                                tuple("roles", "user.error.rolesRequired")));
    }
}
