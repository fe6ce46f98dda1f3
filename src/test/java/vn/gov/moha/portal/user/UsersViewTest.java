package vn.gov.moha.portal.user;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.export.Workbooks;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.NotFoundView;
import vn.gov.moha.portal.unit.OrgUnit;

/** ADMIN manages accounts; what is saved here is what the login form checks. */
@PortalTest
class UsersViewTest extends KaribuTest {

    @Autowired
    UserDetailsService userDetailsService;

    /** Component columns of the users grid, counted from the right. */
    private static final int ACTIONS = 1;

    private static final int STATUS = 2;

    @Autowired
    UserService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UserExports exports;

    @Autowired
    JdbcTemplate db;

    @Test
    void unitOfficerTypingTheAddressGetsNotFound() {
        login("lamdong.cv");
        navigate("admin/users");

        _assertNone(UsersView.class);
        _assertOne(NotFoundView.class);
    }

    @Test
    void newAccountLogsInWithItsPasswordUntilLocked() {
        login("admin");
        navigate("admin/users");
        Grid<AppUser> grid = grid();
        int before = _size(grid);

        UserDialog dialog = openAddDialog();
        _setValue(dialog.username, "lamdong.cv2");
        _setValue(dialog.fullName, "Ka Thị Xuân");
        _setValue(dialog.email, "lamdong.cv2@lamdong.example.vn");
        _setValue(dialog.unit, unit(dialog, "SNV-68"));
        _setValue(dialog.roles, Set.of(Role.UNIT_OFFICER));
        _setValue(dialog.password, "Xuan@2025!");
        _click(dialog.save);

        _assertNoDialogs();
        expectNotifications("Đã lưu");
        assertThat(_size(grid)).isEqualTo(before + 1);

        DaoAuthenticationProvider loginForm = new DaoAuthenticationProvider(userDetailsService);
        loginForm.setPasswordEncoder(passwordEncoder);
        Authentication ok = loginForm.authenticate(credentials("lamdong.cv2", "Xuan@2025!"));
        PortalUser user = (PortalUser) ok.getPrincipal();
        assertThat(user.roles()).containsExactly(Role.UNIT_OFFICER);
        assertThat(user.unitName()).isEqualTo("Sở Nội vụ tỉnh Lâm Đồng");
        assertThatThrownBy(() -> loginForm.authenticate(credentials("lamdong.cv2", "Xuan@2024!")))
                .isInstanceOf(BadCredentialsException.class);

        _setValue(
                _get(TextField.class, s -> s.withPlaceholder("Tìm theo tên, tên đăng nhập, thư điện tử hoặc đơn vị")),
                "lamdong.cv2");
        assertThat(_size(grid)).isEqualTo(1);
        _click(_get(
                cell(grid, ACTIONS),
                Button.class,
                s -> s.withClasses("toggle-enabled").withText("Khóa")));

        expectNotifications("Đã khóa tài khoản lamdong.cv2");
        assertThat(((Span) cell(grid, STATUS)).getText()).isEqualTo("Đã khóa");
        assertThatThrownBy(() -> loginForm.authenticate(credentials("lamdong.cv2", "Xuan@2025!")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void badInputIsShownNextToEachFieldAndNothingIsSaved() {
        login("admin");
        navigate("admin/users");
        long before = users.count("");

        UserDialog dialog = openAddDialog();
        _setValue(dialog.username, "lamdong.cv");
        _setValue(dialog.fullName, "  ");
        _setValue(dialog.email, "abc");
        _setValue(dialog.roles, Set.of(Role.UNIT_OFFICER));
        _setValue(dialog.password, "short");
        _click(dialog.save);

        assertFieldError(dialog.username, "Tên đăng nhập này đã có người dùng");
        assertFieldError(dialog.fullName, "Vui lòng nhập thông tin này");
        assertFieldError(dialog.email, "Địa chỉ thư điện tử không hợp lệ");
        assertFieldError(dialog.unit, "Lãnh đạo đơn vị và chuyên viên đơn vị phải thuộc một đơn vị");
        assertFieldError(dialog.password, "Mật khẩu phải có ít nhất 8 ký tự");
        _assertOne(UserDialog.class);
        assertThat(users.count("")).isEqualTo(before);
    }

    /**
     * An account locked after too many wrong passwords is marked with the end of its lock, the filter shows only
     * such accounts, and ADMIN lifts a lock after confirming: its failures are forgotten and the event log keeps it.
     */
    @Test
    void adminSeesALockedAccountAndLiftsItsLock() {
        LocalDateTime until = LocalDateTime.now().plusMinutes(12).withSecond(0).withNano(0);
        db.update(
                "insert into login_failure (username, failures, last_failure_at, locked_until) values "
                        + "('hagiang.truong', 5, ?, ?)",
                Timestamp.valueOf(LocalDateTime.now()),
                Timestamp.valueOf(until));
        try {
            login("admin");
            navigate("admin/users");
            _setValue(
                    _get(
                            TextField.class,
                            s -> s.withPlaceholder("Tìm theo tên, tên đăng nhập, thư điện tử hoặc đơn vị")),
                    "hagiang");
            Grid<AppUser> grid = grid();
            assertThat(_size(grid)).isEqualTo(2);
            _setValue(_get(UsersView.class).lockedOnly, true);
            assertThat(_size(grid)).as("only the locked account").isEqualTo(1);
            assertThat(GridKt._get(grid, 0).getUsername()).isEqualTo("hagiang.truong");
            assertThat(_get(cell(grid, STATUS), Span.class, s -> s.withClasses("login-locked"))
                            .getText())
                    .isEqualTo("Tạm khóa đến " + Formats.dateTime(until));

            _click(_get(
                    cell(grid, ACTIONS),
                    Button.class,
                    s -> s.withClasses("unlock-login").withText("Gỡ tạm khóa")));
            ConfirmDialog confirm = _get(ConfirmDialog.class);
            assertThat(ConfirmDialogKt.getText(confirm)).contains("hagiang.truong", Formats.dateTime(until));
            ConfirmDialogKt._fireConfirm(confirm);

            expectNotifications("Đã gỡ tạm khóa đăng nhập của hagiang.truong");
            assertThat(db.queryForObject(
                            "select count(*) from login_failure where username = 'hagiang.truong'", Integer.class))
                    .isZero();
            assertThat(_size(grid)).as("no locked account left").isZero();
            assertThat(db.queryForObject(
                            "select after_value from event_log where action = 'LOGIN_UNLOCK' "
                                    + "and actor = 'admin' order by id desc limit 1",
                            String.class))
                    .isEqualTo("username=hagiang.truong");
        } finally {
            db.update("delete from login_failure where username = 'hagiang.truong'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Grid<AppUser> grid() {
        return _get(Grid.class);
    }

    private static UserDialog openAddDialog() {
        _click(_get(Button.class, s -> s.withText("Thêm người dùng")));
        return _get(UserDialog.class);
    }

    private static OrgUnit unit(UserDialog dialog, String code) {
        return dialog.unit
                .getListDataView()
                .getItems()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** The component shown in the first row of a component column (the view gives them no key). */
    private static Component cell(Grid<AppUser> grid, int fromRight) {
        List<Grid.Column<AppUser>> columns = grid.getColumns();
        Grid.Column<AppUser> column = columns.get(columns.size() - fromRight);
        if (column.getKey() == null) {
            column.setKey("column-" + fromRight);
        }
        return _getCellComponent(grid, 0, column.getKey());
    }

    private static Authentication credentials(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    /** ADMIN's "Xuất Excel" writes the accounts the search finds, page by page; nobody else may call it. */
    @Test
    void excelHoldsTheAccountsOfTheSearchOnScreen() throws Exception {
        login("admin");
        navigate("admin/users");
        UsersView view = _get(UsersView.class);
        _setValue(
                _get(TextField.class, s -> s.withPlaceholder(view.getTranslation("user.search.placeholder"))),
                "lamdong");
        Grid<?> grid = _get(Grid.class);
        int onScreen = _size(grid);
        Download file = Workbooks.click(view.export);
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.header(sheet))
                    .containsExactly("Tên đăng nhập", "Họ và tên", "Thư điện tử", "Đơn vị", "Vai trò", "Trạng thái");
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(onScreen).isEqualTo(2);
            assertThat(List.of(
                            Workbooks.row(sheet, 1).get(0),
                            Workbooks.row(sheet, 2).get(0)))
                    .containsExactlyInAnyOrder("lamdong.cv", "lamdong.truong");
            assertThat(Workbooks.row(sheet, 1).get(3)).isEqualTo("Sở Nội vụ tỉnh Lâm Đồng");
            assertThat(Workbooks.row(sheet, 1).get(5)).isEqualTo("Đang hoạt động");
        }
        login("lamdong.truong");
        assertThatThrownBy(() -> exports.users("", java.util.Locale.ROOT, null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
