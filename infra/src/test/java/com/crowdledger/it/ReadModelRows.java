package com.crowdledger.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of some read-model tables, in a form that compares by value: what a rebuild must reproduce. */
final class ReadModelRows {
    private ReadModelRows() {
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc, List<String> tables) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            // ordered by the whole row: a table whose key spans several columns has no unique first column
            List<Map<String, Object>> tableRows = jdbc.queryForList("select * from " + table + " r order by r");
            tableRows.forEach(row -> row.replaceAll((column, value) -> comparable(value)));
            rows.put(table, tableRows);
        }
        return rows;
    }

    /** SQL arrays compare by identity: compare their elements. */
    private static Object comparable(Object value) {
        try {
            return value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
