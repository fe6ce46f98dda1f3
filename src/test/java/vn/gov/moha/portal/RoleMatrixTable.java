package vn.gov.moha.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text tables of the role-matrix tests (routes, service methods, API endpoints): a header row of callers, then
 * one row per thing tried, cells separated by {@code |}. Each row must appear once and have a cell per caller.
 */
public final class RoleMatrixTable {

    private RoleMatrixTable() {}

    /** Rows by their first cell, each a map from caller to cell; fills {@code columns} with the callers. */
    public static Map<String, Map<String, String>> parse(String text, List<String> columns, String... allowed) {
        List<String[]> lines = text.lines()
                .filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split("\\|")).map(String::strip).toArray(String[]::new))
                .toList();
        String[] header = lines.get(0);
        columns.addAll(Arrays.asList(header).subList(1, header.length));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String[] line : lines.subList(1, lines.size())) {
            assertThat(line).as("cells of row %s", line[0]).hasSize(header.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < line.length; i++) {
                assertThat(line[i]).as("cell of %s for %s", line[0], header[i]).isIn((Object[]) allowed);
                row.put(header[i], line[i]);
            }
            assertThat(rows.put(line[0], row))
                    .as("row %s appears once", line[0])
                    .isNull();
        }
        return rows;
    }

    /** A table of {@code Y} (allowed) and {@code -} (refused). */
    public static Map<String, Map<String, Boolean>> parseAllowed(String text, List<String> columns) {
        Map<String, Map<String, Boolean>> rows = new LinkedHashMap<>();
        parse(text, columns, "Y", "-").forEach((key, cells) -> {
            Map<String, Boolean> row = new LinkedHashMap<>();
            cells.forEach((caller, cell) -> row.put(caller, cell.equals("Y")));
            rows.put(key, row);
        });
        return rows;
    }
}
