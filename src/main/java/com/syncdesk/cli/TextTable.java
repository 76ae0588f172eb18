package com.syncdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal: every column as wide as its widest value, numbers right-aligned. */
final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers ending in '>' are right-aligned columns (the marker is not printed). */
    TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].endsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
        }
    }

    /** Adds a row; a null value prints as empty, a line break as a space so the row stays one line. */
    TextTable row(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value == null ? "" : value.toString().replaceAll("\\R", " "));
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        rows.forEach(row -> line(out, row, widths));
    }

    private void line(PrintWriter out, List<String> values, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            boolean last = i == values.size() - 1;
            String value = values.get(i);
            String padding = " ".repeat(widths[i] - value.length());
            text.append(rightAligned[i] ? padding + value : last ? value : value + padding);
            if (!last) {
                text.append("  ");
            }
        }
        out.println(text.toString().stripTrailing());
    }
}
