package org.onegrid.analytics.api;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onegrid.events.EventCodec;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.JsonNode;

/**
 * CSV for every analytics view (`?format=csv` or `Accept: text/csv`). A list — or a view's {@code rows} — becomes a
 * table with one column per (dotted) field; any other view becomes {@code field,value} lines, so nested figures such
 * as the talent tide still export whole.
 */
class CsvMessageConverter extends AbstractHttpMessageConverter<Object> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    CsvMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return true;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is for export only", input);
    }

    @Override
    protected void writeInternal(Object value, HttpOutputMessage output) throws java.io.IOException {
        JsonNode tree = EventCodec.mapper().valueToTree(value);
        JsonNode table = tree.isArray() ? tree : tree.path("rows").isArray() ? tree.path("rows") : null;
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        if (table != null) {
            writeTable(table, out);
        } else {
            Map<String, String> fields = new LinkedHashMap<>();
            flatten("", tree, fields);
            out.write("field,value\n");
            for (var e : fields.entrySet()) {
                out.write(cell(e.getKey()) + "," + cell(e.getValue()) + "\n");
            }
        }
        out.flush();
    }

    private static void writeTable(JsonNode rows, Writer out) throws java.io.IOException {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            Map<String, String> fields = new LinkedHashMap<>();
            flatten("", row, fields);
            columns.addAll(fields.keySet());
            flat.add(fields);
        }
        out.write(String.join(",", columns.stream().map(CsvMessageConverter::cell).toList()) + "\n");
        for (Map<String, String> row : flat) {
            out.write(String.join(",", columns.stream().map(c -> cell(row.getOrDefault(c, ""))).toList()) + "\n");
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(prefix, node.isNull() ? "" : node.asString());
        }
    }

    private static String cell(String value) {
        // A leading =, +, - or @ would be a formula to a spreadsheet.
        String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d+(\\.\\d+)?$") ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
