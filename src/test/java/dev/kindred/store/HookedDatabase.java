package dev.kindred.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real database whose named collection runs a hook once, just before the next call of the named
 * method: how a test makes another actor act at the worst moment between a store's two steps.
 */
final class HookedDatabase {
    private final MongoDatabase real;
    private final String collection;
    private final String method;
    private final AtomicReference<Runnable> hook = new AtomicReference<>();
    private volatile boolean fired;

    HookedDatabase(MongoDatabase real, String collection, String method) {
        this.real = real;
        this.collection = collection;
        this.method = method;
    }

    /** Runs {@code action} before the next call of the method (once). */
    void before(Runnable action) {
        hook.set(action);
    }

    /** Whether the hook ran: a test whose race never happened proves nothing. */
    boolean fired() {
        return fired;
    }

    MongoDatabase database() {
        Object hookedCollection = proxy(MongoCollection.class, (self, m, args) -> {
            if (m.getName().equals(method)) {
                Runnable action = hook.getAndSet(null);
                if (action != null) {
                    fired = true;
                    action.run();
                }
            }
            return invoke(m, real.getCollection(collection), args);
        });
        return proxy(MongoDatabase.class, (self, m, args) -> {
            boolean ours = m.getName().equals("getCollection") && args.length == 1 && collection.equals(args[0]);
            return ours ? hookedCollection : invoke(m, real, args);
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(HookedDatabase.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
