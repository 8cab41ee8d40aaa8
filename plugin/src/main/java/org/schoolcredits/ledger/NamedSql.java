package org.schoolcredits.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SQL statement written with {@code :name} parameters, as JDBC takes it: {@link #sql()} has a
 * {@code ?} for each, in order, and {@link #bind} lays the named values out in that order. A name
 * may appear more than once; a {@code ::} cast is not a parameter.
 */
record NamedSql(String sql, List<String> names) {

    private static final Pattern NAME = Pattern.compile("(?<!:):([a-z][a-z_]*)");

    static NamedSql of(String named) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(named);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new NamedSql(sql.toString(), List.copyOf(names));
    }

    /** The values in the statement's order; every name must have one (which may be {@code null}). */
    Object[] bind(Values values) {
        Object[] args = new Object[names.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = values.get(names.get(i));
        }
        return args;
    }

    /** Named values, {@code null} allowed; a name never set is a mistake, not a {@code null}. */
    static final class Values {
        private final Map<String, Object> byName = new HashMap<>();

        Values set(String name, Object value) {
            byName.put(name, value);
            return this;
        }

        private Object get(String name) {
            if (!byName.containsKey(name)) {
                throw new IllegalStateException("No value for :" + name);
            }
            return byName.get(name);
        }
    }
}
