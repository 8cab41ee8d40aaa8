package org.schoolcredits.storage;

import java.sql.Connection;

/** A data source that hands out one open connection, and whose handles do not close it. */
final class SingleConnection extends ConnectionSource {

    private final Connection connection;

    SingleConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        return unclosable(connection);
    }
}
