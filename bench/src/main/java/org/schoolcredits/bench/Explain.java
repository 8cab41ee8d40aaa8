package org.schoolcredits.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers the last statement a class ran through {@link ThreadConnections} (its SQL and
 * parameters), and runs it again under EXPLAIN (ANALYZE, BUFFERS): the plan the product's own
 * query gets, without copying its SQL.
 */
final class Explain {

    private String sql;
    private final Map<Integer, Object> args = new TreeMap<>();

    /** A connection whose prepared statements are recorded here. */
    Connection recording(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, methodArgs) -> {
                    Object result = call(method, target, methodArgs);
                    if ("prepareStatement".equals(method.getName())) {
                        synchronized (this) {
                            sql = (String) methodArgs[0];
                            args.clear();
                        }
                        return recording((PreparedStatement) result);
                    }
                    return result;
                });
    }

    private PreparedStatement recording(PreparedStatement target) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, methodArgs) -> {
                    // setObject from the plugin's SQL, setString, setTimestamp… from the persistence provider's
                    if (method.getName().startsWith("set") && methodArgs != null && methodArgs.length == 2
                            && methodArgs[0] instanceof Integer) {
                        synchronized (this) {
                            args.put((Integer) methodArgs[0], method.getName().equals("setNull") ? null : methodArgs[1]);
                        }
                    }
                    return call(method, target, methodArgs);
                });
    }

    /** The plan of the last recorded statement, run again on {@code c}. */
    synchronized String lastPlan(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>(List.of(sql, "parameters: " + args.values(), ""));
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (Map.Entry<Integer, Object> arg : args.entrySet()) {
                ps.setObject(arg.getKey(), arg.getValue());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
