package vn.gov.moha.portal.notification;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the deadline scan and the e-mail sender on their schedules ({@code portal.notify.*}), each on one
 * node at a time when several portal nodes share the database: a job first takes its row of table
 * {@code shedlock} (V11) with a conditional update, on the database's clock; a node that finds the row taken
 * skips that run. Both jobs are also safe to run twice (unique keys, claimed rows): the lock saves the work.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class NotificationConfig {

    @Bean
    LockProvider schedulerLock(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
