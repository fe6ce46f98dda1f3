package vn.gov.moha.portal.export;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserExports;
import vn.gov.moha.portal.user.UserService;

/** "Người dùng" as Excel (ADMIN only): accounts as the screen lists them for this search, read page by page. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class UsersExporter implements UserExports {

    private final UserService users;
    private final PagedSheet sheet;

    UsersExporter(UserService users, PagedSheet sheet) {
        this.users = users;
        this.sheet = sheet;
    }

    @Override
    public Download users(String query, Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        long total = users.count(query);
        List<Xlsx.Column> columns = List.of(
                x.col("user.username", Xlsx.Type.TEXT, 18),
                x.col("user.fullName", Xlsx.Type.TEXT, 28),
                x.col("user.email", Xlsx.Type.TEXT, 28),
                x.col("user.unit", Xlsx.Type.TEXT, 40),
                x.col("user.roles", Xlsx.Type.TEXT, 30),
                x.col("user.status", Xlsx.Type.TEXT, 16));
        List<Object[]> filters = List.<Object[]>of(x.line("export.filter.search", PagedSheet.blankAsAll(query, x)));
        return sheet.pages(
                new PagedSheet.Grid(x, "nav.users", "nguoi-dung", columns, filters),
                total,
                (offset, last) -> users.search(query, offset, PagedSheet.PAGE),
                (AppUser u) -> new Object[] {
                    u.getUsername(),
                    u.getFullName(),
                    u.getEmail(),
                    u.getUnit() == null ? null : u.getUnit().name(x.english()),
                    u.getRoles().stream().map(r -> x.t(r.translationKey())).collect(Collectors.joining(", ")),
                    x.t(u.isEnabled() ? "user.enabled" : "user.disabled")
                },
                progress);
    }
}
