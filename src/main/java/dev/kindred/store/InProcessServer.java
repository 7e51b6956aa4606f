package dev.kindred.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.channel.AbstractEventLoop;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.TimeUnit;

/**
 * The embedded server as the event loop of the driver's {@link InProcessChannel}s. Every thread is
 * "in" this loop, so Netty runs a connection's work on whichever thread asks, at once; the driver
 * uses a connection from one thread at a time, which is all a channel needs. Nothing is scheduled
 * here: an in-process answer is in before the driver reads it, so a read never waits for a timeout.
 */
final class InProcessServer extends AbstractEventLoop {
    private final MongoBackend backend;
    private final ChannelGroup connections =
            new DefaultChannelGroup("kindred-in-process", GlobalEventExecutor.INSTANCE);
    private final Promise<Void> terminated = GlobalEventExecutor.INSTANCE.newPromise();

    InProcessServer(MongoBackend backend) {
        this.backend = backend;
    }

    /**
     * The server's side of a new connection: the pipeline mongo-java-server gives each TCP client
     * (its wire decoder, command handler and encoders), in a channel driven by the caller's thread.
     */
    EmbeddedChannel accept() {
        return new EmbeddedChannel(
                DefaultChannelId.newInstance(),
                new MongoWireReplyEncoder(),
                new MongoWireMessageEncoder(),
                new MongoWireProtocolHandler(),
                new MongoDatabaseHandler(backend, connections),
                new MongoExceptionHandler());
    }

    @Override
    public boolean inEventLoop(Thread thread) {
        return true;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return register(new DefaultChannelPromise(channel, this));
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        promise.channel().unsafe().register(this, promise);
        return promise;
    }

    @Deprecated
    @Override
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        channel.unsafe().register(this, promise);
        return promise;
    }

    @Override
    public boolean isShuttingDown() {
        return terminated.isDone();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        terminated.trySuccess(null);
        return terminated;
    }

    @Override
    public Future<?> terminationFuture() {
        return terminated;
    }

    @Deprecated
    @Override
    public void shutdown() {
        terminated.trySuccess(null);
    }

    @Override
    public boolean isShutdown() {
        return terminated.isDone();
    }

    @Override
    public boolean isTerminated() {
        return terminated.isDone();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return terminated.isDone();
    }
}
