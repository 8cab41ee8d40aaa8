package org.schoolcredits.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The plugin's data access outside a container (tests, benchmarks), with transactions the way
 * the container runs them: every statement of {@link #tx} on the thread's one connection,
 * committed at the end or rolled back on an exception. Outside {@code tx}, each statement gets
 * a connection of its own, in auto-commit.
 * <p>
 * {@link #entityManager()} is the plugin's persistence unit on the same connections, as the
 * container's transaction-scoped one: inside {@code tx} one persistence context, flushed before the
 * connection commits, so that JPA and SQL share the transaction; outside, a new one per call, whose
 * bulk statements commit at once (as a {@code REQUIRES_NEW} method's would in the container).
 */
public class ThreadTransactions extends ConnectionSource implements Transactions {

    private final DataSource target;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<EntityManager> entityManager = new ThreadLocal<>();
    private final DataSource forJpa = new ConnectionSource() {
        @Override
        public Connection getConnection() throws SQLException {
            return inTransaction.get() ? uncommittable(handle(physical())) : target.getConnection();
        }
    };

    public ThreadTransactions(DataSource target) {
        this.target = target;
    }

    /** Runs {@code work} in one transaction on this thread's connection. */
    public <T> T tx(Supplier<T> work) {
        Connection c = physical();
        inTransaction.set(true);
        try {
            c.setAutoCommit(false);
            T result = work.get();
            EntityManager em = entityManager.get();
            if (em != null) {
                Unit.ROUTE.set(forJpa);
                em.getTransaction().commit();
            }
            c.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } catch (SQLException e) {
            rollback(c);
            throw new IllegalStateException(e);
        } finally {
            inTransaction.set(false);
            closeEntityManager();
        }
    }

    @Override
    public boolean active() {
        return inTransaction.get();
    }

    @Override
    public <T> T inNew(Supplier<T> work) {
        if (active()) {
            throw new IllegalStateException("one transaction at a time on a thread's connection");
        }
        return tx(work);
    }

    /** The persistence unit {@value CreditsDatabase#UNIT} on this data source, bound to the thread's transaction. */
    public EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    Unit.ROUTE.set(forJpa);
                    EntityManager em = currentEntityManager();
                    try {
                        Object result = method.invoke(em, args);
                        return result instanceof Query query && !inTransaction.get() ? autoCommit(em, query) : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code query} of an entity manager outside a transaction, whose bulk statement commits at once. */
    private Query autoCommit(EntityManager em, Query query) {
        Class<?> type = query instanceof TypedQuery ? TypedQuery.class : Query.class;
        return (Query) Proxy.newProxyInstance(Query.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Unit.ROUTE.set(forJpa);
                    boolean update = "executeUpdate".equals(method.getName());
                    if (update) {
                        em.getTransaction().begin();
                    }
                    try {
                        Object result = method.invoke(query, args);
                        if (update) {
                            em.getTransaction().commit();
                        }
                        return result == query ? proxy : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (update && em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                    }
                });
    }

    private EntityManager currentEntityManager() {
        if (!inTransaction.get()) {
            return Unit.FACTORY.createEntityManager();
        }
        EntityManager em = entityManager.get();
        if (em == null) {
            em = Unit.FACTORY.createEntityManager();
            em.getTransaction().begin();
            entityManager.set(em);
        }
        return em;
    }

    private void closeEntityManager() {
        EntityManager em = entityManager.get();
        if (em != null) {
            entityManager.remove();
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * A handle on the transaction's connection for JPA: the transaction is this class's to end, so
     * the persistence provider's commit, rollback, auto-commit and close leave it as it is.
     */
    private static Connection uncommittable(Connection connection) {
        Set<String> ignored = Set.of("close", "commit", "rollback", "setAutoCommit");
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (ignored.contains(method.getName())) {
                        return null;
                    }
                    if ("getAutoCommit".equals(method.getName())) {
                        return false;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * One factory of the unit per JVM, outside the container, on a data source that routes each
     * connection to the {@link ThreadTransactions} whose entity manager this thread used last.
     */
    private static final class Unit {
        static final ThreadLocal<DataSource> ROUTE = new ThreadLocal<>();
        static final EntityManagerFactory FACTORY = Persistence.createEntityManagerFactory(CreditsDatabase.UNIT,
                Map.of("jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.nonJtaDataSource", new ConnectionSource() {
                            @Override
                            public Connection getConnection() throws SQLException {
                                DataSource route = ROUTE.get();
                                if (route == null) {
                                    throw new SQLException("no entity manager of a ThreadTransactions used on this thread");
                                }
                                return route.getConnection();
                            }
                        }));
    }

    public void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inTransaction.get() ? handle(unclosable(physical())) : target.getConnection();
    }

    /** What a statement inside a transaction is given; a subclass may wrap it (to record SQL, say). */
    protected Connection handle(Connection connection) {
        return connection;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection physical() {
        try {
            Connection c = connection.get();
            if (c == null || c.isClosed()) {
                c = target.getConnection();
                connection.set(c);
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
