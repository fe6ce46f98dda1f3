package vn.gov.moha.portal.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import vn.gov.moha.portal.assignment.DeadlineState;
import vn.gov.moha.portal.dashboard.Figures.LateUnit;
import vn.gov.moha.portal.dashboard.Figures.ProgressPoint;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.TaskState;

/**
 * ECharts options for the dashboard's three charts, as JSON: the figures come from the database,
 * this only lays them out. Bars carry patterns (aria decals) as well as colours.
 */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The colours of the four states, the same as the matrix cells. */
    static final Map<DeadlineState, String> COLOURS = Map.of(
            DeadlineState.IN_PROGRESS_ON_TIME, "#1f63b5",
            DeadlineState.IN_PROGRESS_OVERDUE, "#c62828",
            DeadlineState.DONE_ON_TIME, "#2e7d32",
            DeadlineState.DONE_LATE, "#b85c00");

    private ChartOptions() {
    }

    /** Percent complete of each task, month by month (a line per task). */
    static String progress(List<ProgressPoint> points, List<TaskRow> tasks, Function<String, String> t) {
        TreeSet<YearMonth> months = new TreeSet<>();
        points.forEach(p -> months.add(p.month()));
        List<YearMonth> axis = new ArrayList<>(months);
        List<Object> series = new ArrayList<>();
        for (TaskRow task : tasks) {
            List<Object> data = new ArrayList<>();
            boolean any = false;
            for (YearMonth m : axis) {
                Integer value = points.stream().filter(p -> p.taskId() == task.id() && p.month().equals(m))
                        .map(ProgressPoint::percent).findFirst().orElse(null);
                any |= value != null;
                data.add(value);
            }
            if (any) {
                series.add(map("name", t.apply("dashboard.chart.taskShort") + " " + task.number(), "type", "line",
                        "data", data, "symbolSize", 7, "connectNulls", true));
            }
        }
        Map<String, Object> option = base();
        option.put("tooltip", map("trigger", "axis", "valueFormatter", null));
        option.put("legend", map("bottom", 0, "type", "scroll"));
        option.put("xAxis", map("type", "category", "boundaryGap", false, "data",
                axis.stream().map(m -> "%02d/%d".formatted(m.getMonthValue(), m.getYear())).toList()));
        option.put("yAxis", map("type", "value", "min", 0, "max", 100, "axisLabel", map("formatter", "{value} %")));
        option.put("series", series);
        return write(option);
    }

    /** How many assignments of each task are in each state (stacked bars). */
    static String states(List<TaskState> states, List<TaskRow> tasks, Function<String, String> t) {
        List<Object> series = new ArrayList<>();
        for (DeadlineState state : List.of(DeadlineState.DONE_ON_TIME, DeadlineState.IN_PROGRESS_ON_TIME,
                DeadlineState.DONE_LATE, DeadlineState.IN_PROGRESS_OVERDUE)) {
            List<Object> data = new ArrayList<>();
            for (TaskRow task : tasks) {
                data.add(states.stream().filter(s -> s.taskId() == task.id() && s.state() == state)
                        .mapToLong(TaskState::count).sum());
            }
            series.add(map("name", t.apply(state.translationKey()), "type", "bar", "stack", "states", "data", data,
                    "itemStyle", map("color", COLOURS.get(state)), "barMaxWidth", 36));
        }
        Map<String, Object> option = base();
        option.put("tooltip", map("trigger", "axis", "axisPointer", map("type", "shadow")));
        option.put("legend", map("bottom", 0, "type", "scroll"));
        option.put("xAxis", map("type", "category", "name", t.apply("dashboard.chart.taskAxis"), "nameLocation",
                "middle", "nameGap", 28, "data", tasks.stream().map(r -> String.valueOf(r.number())).toList()));
        option.put("yAxis", map("type", "value", "minInterval", 1));
        option.put("series", series);
        return write(option);
    }

    /** The units with most overdue and late-finished assignments (horizontal stacked bars, most first). */
    static String lateUnits(List<LateUnit> units, boolean english, Function<String, String> t) {
        Map<String, Object> option = base();
        option.put("tooltip", map("trigger", "axis", "axisPointer", map("type", "shadow")));
        option.put("legend", map("bottom", 0));
        option.put("grid", map("left", 8, "right", 24, "top", 8, "bottom", 40, "containLabel", true));
        option.put("yAxis", map("type", "category", "inverse", true, "axisLabel", map("width", 120, "overflow",
                "truncate"), "data", units.stream().map(u -> MatrixTable.shortName(u.name(english))).toList()));
        option.put("xAxis", map("type", "value", "minInterval", 1));
        option.put("series", List.of(
                map("name", t.apply(DeadlineState.IN_PROGRESS_OVERDUE.translationKey()), "type", "bar", "stack",
                        "late", "data", units.stream().map(LateUnit::overdue).toList(), "itemStyle",
                        map("color", COLOURS.get(DeadlineState.IN_PROGRESS_OVERDUE)), "barMaxWidth", 22),
                map("name", t.apply(DeadlineState.DONE_LATE.translationKey()), "type", "bar", "stack", "late",
                        "data", units.stream().map(LateUnit::doneLate).toList(), "itemStyle",
                        map("color", COLOURS.get(DeadlineState.DONE_LATE)), "barMaxWidth", 22)));
        return write(option);
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", map("enabled", true, "decal", map("show", true)));
        option.put("animation", false);
        option.put("textStyle", map("fontFamily", "inherit"));
        option.put("grid", map("left", 8, "right", 16, "top", 16, "bottom", 56, "containLabel", true));
        return option;
    }

    /** A JSON object from name, value pairs; null values are left out. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static String write(Object option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
