package vn.gov.moha.portal.notification;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the notification tables as a person would see them, by username; a bean of every {@code @PortalTest}. */
public class NotificationFixture {

    private final JdbcTemplate jdbc;

    NotificationFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    /** "KIND messageKey" of each notification of the person, oldest first. */
    List<String> notices(String username) {
        return jdbc.queryForList(
                "select n.kind || ' ' || n.message_key from notification n join app_user u "
                        + "on u.id = n.recipient_id where u.username = ? order by n.id",
                String.class,
                username);
    }

    List<String> noticesOfKind(String username, NotificationKind kind) {
        return jdbc.queryForList(
                "select n.event_key from notification n join app_user u on u.id = n.recipient_id "
                        + "where u.username = ? and n.kind = ? order by n.id",
                String.class,
                username,
                kind.name());
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    List<Map<String, Object>> outbox() {
        return jdbc.queryForList("select o.*, u.username from notification_outbox o join notification n "
                + "on n.id = o.notification_id join app_user u on u.id = n.recipient_id order by o.id");
    }
}
