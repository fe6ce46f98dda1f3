package vn.gov.moha.portal.demo;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.StartupStep;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskDraft;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserDraft;
import vn.gov.moha.portal.user.UserService;

/**
 * Demo accounts from {@code demo/users.csv}, created on the first start of any profile but
 * {@code prod}, through the same services (and rules) an administrator uses. All share one password.
 */
@Component
@Profile("!prod")
@Order(10) // after the shipped calendars: the demo's deadlines count working days
class DemoData implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcTemplate jdbc;
    private final UserService users;
    private final UnitService units;
    private final TaskService tasks;
    private final String password;
    private final DemoWorkflow workflow;
    private final boolean withWorkflow;

    /**
     * The services are injected lazily: on every start but the first there is nothing to do, and creating them
     * (with their repositories, whose queries are parsed then, and their security proxies) would compete with the
     * first pages for the CPU right after the start (docs/benchmarks.md, "Cold start").
     */
    DemoData(
            JdbcTemplate jdbc,
            @Lazy UserService users,
            @Lazy UnitService units,
            @Lazy TaskService tasks,
            @Lazy DemoWorkflow workflow,
            DemoProperties demo) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.withWorkflow = demo.workflow();
        this.users = users;
        this.units = units;
        this.tasks = tasks;
        this.password = demo.password();
    }

    @Override
    public void run() throws Exception {
        if (jdbc.queryForObject("select count(*) from app_user", Long.class) > 0) {
            return; // demo data only on a database without users
        }
        var context = SecurityContextHolder.getContext();
        int created = 0;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "demo-data",
                        null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                Role.ADMIN.authority()))));
        try {
            if (users.count("") > 0) {
                return;
            }
            List<OrgUnit> all = units.all();
            for (CSVRecord r : read()) {
                OrgUnit unit = all.stream()
                        .filter(u -> u.getCode().equals(r.get("unit_code")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("Unknown unit " + r.get("unit_code")));
                Set<Role> roles = Arrays.stream(r.get("roles").split(" "))
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                AppUser user = users.save(new UserDraft(
                        null,
                        r.get("username"),
                        r.get("full_name"),
                        r.get("email"),
                        unit.getId(),
                        roles,
                        true,
                        password));
                created++;
                if (!r.get("leads_tasks").isBlank()) {
                    leadTasks(user, r.get("leads_tasks"));
                }
            }
            log.info("Created {} demo accounts (password in README.md)", created);
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
        if (created > 0 && withWorkflow) {
            workflow.create(password);
            log.info("Created demo assignments, reports and an extension request");
        }
    }

    private void leadTasks(AppUser leader, String numbers) {
        tasks.currentYear().ifPresent(year -> {
            Set<Integer> wanted =
                    Arrays.stream(numbers.split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
            for (PriorityTask t : tasks.tasksOf(year.getYear(), "")) {
                if (wanted.contains(t.getNumber())) {
                    tasks.save(new TaskDraft(
                            t.getId(),
                            t.getYear(),
                            t.getNumber(),
                            t.getTitleVi(),
                            t.getTitleEn(),
                            t.getDescription(),
                            t.getLeadUnit().getId(),
                            leader.getId()));
                }
            }
        });
    }

    private static List<CSVRecord> read() throws java.io.IOException {
        try (Reader in = new InputStreamReader(
                new ClassPathResource("demo/users.csv").getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}
