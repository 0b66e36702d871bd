package com.personnelevents.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes the database fail below the real endpoints, the way bugs and outages do: armed with a piece of SQL
 * and a failure, the next statement whose SQL contains it throws that failure when it runs, once. The
 * application's data source is wrapped in the shared test context; unarmed, it does nothing. The same wrapper
 * counts the statements made for {@link RoundTrips}.
 */
public final class FaultInjection implements BeanPostProcessor {

    private static final AtomicReference<Fault> ARMED = new AtomicReference<>();

    /** What makes a statement: each one the application makes is a round trip ({@link RoundTrips}). */
    private static final java.util.Set<String> STATEMENTS =
            java.util.Set.of("prepareStatement", "createStatement", "prepareCall");

    private record Fault(String sql, Supplier<? extends Exception> failure) {}

    /** The next statement whose SQL contains {@code sql} throws what {@code failure} makes. */
    public static void failNext(String sql, Supplier<? extends Exception> failure) {
        ARMED.set(new Fault(sql, failure));
    }

    /** Whether the armed fault is still waiting for its statement. */
    public static boolean armed() {
        return ARMED.get() != null;
    }

    public static void disarm() {
        ARMED.set(null);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (STATEMENTS.contains(method.getName())) {
                RoundTrips.sent();
            }
            Object result = method.invoke(target, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                return statement(statement, sql);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement statement, String sql) {
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                Fault fault = ARMED.get();
                if (fault != null && sql.contains(fault.sql()) && ARMED.compareAndSet(fault, null)) {
                    throw fault.failure().get();
                }
            }
            return method.invoke(target, args);
        });
    }

    @FunctionalInterface
    private interface Call<T> {
        Object invoke(T target, Method method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        Class<?>[] interfaces = type == PreparedStatement.class
                ? new Class<?>[] {PreparedStatement.class, Statement.class}
                : new Class<?>[] {type};
        return (T) Proxy.newProxyInstance(FaultInjection.class.getClassLoader(), interfaces, handler);
    }
}
