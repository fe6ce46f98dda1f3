package vn.gov.moha.portal.calendar;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.moha.portal.common.StartupStep;

/**
 * On start, loads each shipped {@code calendar/<year>.csv} whose year the database has no calendar
 * for yet. A year that exists (shipped before, uploaded or edited by ADMIN) is never overwritten, so a
 * restart changes nothing; a file added to a later release is picked up by the next start. When two
 * nodes start at once, the year's primary key lets exactly one of them load it.
 */
@Component
@Order(0)
class ShippedCalendars implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedCalendars.class);
    private static final Pattern FILE = Pattern.compile("(\\d{4})\\.csv");

    private final CalendarStore store;
    private final CalendarYearRepository years;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    /** The store is injected lazily: it is needed only when a shipped year is new (docs/benchmarks.md, "Cold start"). */
    ShippedCalendars(
            @Lazy CalendarStore store,
            CalendarYearRepository years,
            TransactionTemplate transaction,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.store = store;
        this.years = years;
        this.transaction = transaction;
    }

    @Override
    public void run() throws IOException {
        // the years already there, read with one plain query: on most starts every shipped year is, and then the
        // calendar's repositories are not built (and their queries not parsed) while the first pages are served
        Set<Integer> known = new HashSet<>(jdbc.queryForList("select calendar_year from calendar_year", Integer.class));
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.csv")) {
            Matcher m = FILE.matcher(String.valueOf(file.getFilename()));
            if (m.matches() && !known.contains(Integer.parseInt(m.group(1)))) {
                load(Integer.parseInt(m.group(1)), file);
            }
        }
    }

    private void load(int year, Resource file) throws IOException {
        if (years.existsById(year)) {
            return;
        }
        // a broken shipped file is a release error: refuse to start rather than run on a wrong calendar
        List<CalendarFile.Entry> entries = CalendarFile.parse(year, file.getContentAsByteArray());
        try {
            transaction.executeWithoutResult(status -> {
                CalendarYear y = new CalendarYear(year);
                y.touch(CalendarYear.Source.SHIPPED, file.getFilename(), "system");
                years.saveAndFlush(y);
                store.replace(year, entries);
            });
            LOG.info("Calendar {}: {} days loaded from calendar/{}", year, entries.size(), file.getFilename());
        } catch (DataIntegrityViolationException e) {
            LOG.info("Calendar {}: loaded by another node meanwhile", year);
        }
    }
}
